import { randomUUID } from 'node:crypto';
import type { ReporterChannel } from './reporter-sim';

/**
 * Reporters in the web chat, as its page's script talks to the bots process: one chat session each, every message a
 * POST to /chat/api/messages answered with the replies to show. A refused or failed call looks like no answer.
 */
export function webchatReporterChannel(botsBaseUrl: string): ReporterChannel {
  const sessions = new Map<number, string>();
  return async (chatId, text) => {
    const sessionId = sessions.get(chatId) ?? randomUUID();
    sessions.set(chatId, sessionId);
    const res = await fetch(`${botsBaseUrl}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, text }),
    });
    if (!res.ok) return [];
    const body = (await res.json()) as { replies: { text: string }[] };
    return body.replies.map((r) => r.text);
  };
}
