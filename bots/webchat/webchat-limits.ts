import type { Redis } from 'ioredis';
import type { OutboundMessage } from '../../src/intake/messages';
import { createRateLimit } from '../shared/rate-limit';

// Web chat limits never silence a report. People behind one carrier, school or office share an address, so the
// address limits only how many NEW sessions it opens; within a session a message over the rate is answered after a
// short pause, never dropped; and the danger question's answer, or anything while the report is urgent, is never
// slowed at all. A session's state is kept under the keyed hash of its id (never the id or the address itself).

export interface WebchatLimitSettings {
  messagesPerMinute: number;
  newSessionsPerAddress: number;
  newSessionsWindowSeconds: number;
}

/** open: a conversation; danger: the danger question was just asked; urgent: danger was heard (sticky). */
type SessionState = 'open' | 'danger' | 'urgent';

export type Admission = { admitted: true; pauseMs: number; urgent: boolean } | { admitted: false };

/** Each message over the per-session rate waits this much longer, up to the most a person should wait. */
const PAUSE_STEP_MS = 1_000;
const MAX_PAUSE_MS = 5_000;
/** As long as a draft lives (DRAFT_TTL_MINUTES' default): a session back after that is new. */
const SESSION_SECONDS = 24 * 3600;

export function createWebchatLimits(redis: Redis, prefix: string, hasher: (value: string) => string, settings: WebchatLimitSettings) {
  const perSession = createRateLimit(redis, `${prefix}:webchat:rate`, settings.messagesPerMinute, 60);
  const newSessions = createRateLimit(redis, `${prefix}:webchat:new-sessions`, settings.newSessionsPerAddress, settings.newSessionsWindowSeconds);
  const stateKey = (sessionId: string) => `${prefix}:webchat:session:${hasher(`webchat-session:${sessionId}`)}`;

  async function stateOf(sessionId: string): Promise<SessionState | null> {
    try {
      return (await redis.get(stateKey(sessionId))) as SessionState | null;
    } catch {
      return 'open'; // Redis down: not a reason to refuse anyone.
    }
  }

  /** True for the one message that creates the session's state; the others of a burst find it there. */
  async function opens(sessionId: string): Promise<boolean> {
    try {
      return (await redis.set(stateKey(sessionId), 'open', 'EX', SESSION_SECONDS, 'NX')) === 'OK';
    } catch {
      return false;
    }
  }

  return {
    /** Whether this message goes on now, after a pause, or (a new session over its address's ceiling) not at all. */
    async admit(sessionId: string, address: string, choice?: string): Promise<Admission> {
      const state = await stateOf(sessionId);
      // Only the message that opens the session counts against its address: a page that sends its first messages at
      // once must not use up the ceiling (found in CI: a burst of six in a new session counted as six new sessions).
      if (state === null && (await opens(sessionId)) && !(await newSessions.hit(hasher(`webchat-ip:${address}`)))) {
        await redis.del(stateKey(sessionId)).catch(() => undefined);
        return { admitted: false };
      }
      const urgent = state === 'urgent';
      if (urgent || state === 'danger' || choice?.startsWith('danger:')) return { admitted: true, pauseMs: 0, urgent };
      const over = (await perSession.count(hasher(`webchat-session:${sessionId}`))) - settings.messagesPerMinute;
      return { admitted: true, pauseMs: over > 0 ? Math.min(MAX_PAUSE_MS, over * PAUSE_STEP_MS) : 0, urgent };
    },

    /** A conversation is under way in this session: it was admitted once (its address's new-session ceiling) and lives. */
    async underWay(sessionId: string): Promise<boolean> {
      return (await stateOf(sessionId)) !== null;
    },

    /** Reads the answer: danger heard makes the session urgent for good; the danger question exempts the next message. */
    async noteReplies(sessionId: string, replies: OutboundMessage[]): Promise<boolean> {
      const before = await stateOf(sessionId);
      const next: SessionState = before === 'urgent' || replies.some((r) => r.urgent) ? 'urgent'
        : replies.at(-1)?.options?.some((o) => o.value.startsWith('danger:')) ? 'danger' : 'open';
      await redis.set(stateKey(sessionId), next, 'EX', SESSION_SECONDS).catch(() => undefined);
      return next === 'urgent';
    },
  };
}
export type WebchatLimits = ReturnType<typeof createWebchatLimits>;
