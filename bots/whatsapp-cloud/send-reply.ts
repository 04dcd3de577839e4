import type { Redis } from 'ioredis';
import { canReachReporter } from '../../src/channels/customer-service-window';
import { renderAsText, type OutboundMessage } from '../../src/intake/messages';
import { GraphApiError, type GraphApi } from './graph-api';

// Cloud API limits for interactive messages: 3 reply buttons of 20 characters, or a list of 10 rows of 24,
// a body of 1024. Anything beyond goes as plain text with numbered options, which the engine reads just as well.
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;
const MAX_ROWS = 10;
const MAX_ROW_TITLE = 24;
const MAX_BODY = 1024;
const MAX_TEXT = 4096;

/** Replies within a conversation turn (the reporter just wrote: the 24-hour window is open). Urgent ones first. */
export async function sendReplies(graph: GraphApi, to: string, replies: OutboundMessage[]): Promise<void> {
  const ordered = [...replies.filter((r) => r.urgent), ...replies.filter((r) => !r.urgent)];
  for (const reply of ordered) await sendPatiently(graph, { to, ...toCloudMessage(reply) });
}

/**
 * Waits between tries of one send the Graph API refused for a moment. The webhook is answered 200 before the turn
 * runs and its turn is applied once, so nothing else sends this reply again: given up at once, a reporter's
 * emergency numbers or ticket were lost on one 503 (the turn's next messages wait, in order, meanwhile).
 */
const RETRY_DELAYS_MS = [500, 2_000, 8_000];

async function sendPatiently(graph: GraphApi, body: Record<string, unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await graph.sendMessage(body);
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isTransient(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Throttled (429), the Graph API down (5xx) or not reached (a network error, a timeout): worth another try. */
function isTransient(err: unknown): boolean {
  if (err instanceof GraphApiError) return err.status === 429 || err.status >= 500;
  return err instanceof Error && (err.name === 'TypeError' || err.name === 'TimeoutError' || err.name === 'AbortError');
}

export interface TemplateSettings {
  name: string;
  language: string;
}

/**
 * Replies outside a turn (staff replies, reminders): free-form while the window is open, otherwise the approved
 * template, which asks the reporter to write back and so reopens the window. Answers which of the two went out.
 */
export async function sendToReporter(
  deps: { graph: GraphApi; redis: Redis; prefix: string; hasher: (v: string) => string; template: TemplateSettings },
  to: string,
  replies: OutboundMessage[],
): Promise<'free_form' | 'template'> {
  const reach = await canReachReporter(deps.redis, deps.prefix, deps.hasher(`whatsapp_cloud:${to}`));
  if (reach.freeForm) {
    await sendReplies(deps.graph, to, replies);
    return 'free_form';
  }
  await deps.graph.sendMessage({ to, type: 'template', template: { name: deps.template.name, language: { code: deps.template.language } } });
  return 'template';
}

export function toCloudMessage(reply: OutboundMessage): Record<string, unknown> {
  const options = reply.options ?? [];
  const body = renderAsText(reply);
  if (options.length && body.length <= MAX_BODY) {
    if (options.length <= MAX_BUTTONS && options.every((o) => o.label.length <= MAX_BUTTON_TITLE)) {
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: body },
          action: { buttons: options.map((o) => ({ type: 'reply', reply: { id: o.value, title: o.label } })) },
        },
      };
    }
    if (options.length <= MAX_ROWS) {
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: body },
          action: {
            button: 'Pilih / Choose',
            sections: [{ rows: options.map((o, i) => ({ id: o.value, title: truncate(`${i + 1}. ${o.label}`, MAX_ROW_TITLE) })) }],
          },
        },
      };
    }
  }
  return { type: 'text', text: { body: truncate(body, MAX_TEXT), preview_url: false } };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
