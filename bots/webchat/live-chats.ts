import type { Redis } from 'ioredis';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import type { OutboundMessage } from '../../src/intake/messages';

/** Writes replies to one open chat page (its server-sent events stream). */
export type LiveWriter = (replies: OutboundMessage[]) => void;

/**
 * The web chats open right now, in any bots process: each open page subscribes to a Redis channel named by the keyed
 * hash of its session, so a reply pushed by whichever process runs the job reaches the process holding the page.
 * What travels is sealed with the field cipher (a staff reply may quote the reporter); `push` says how many pages
 * took it, which is how a reply knows it was delivered or has to wait for the reporter to come back.
 */
export function createLiveChats(deps: { redis: Redis; subscriber: Redis; prefix: string; hasher: (value: string) => string; cipher: FieldCipher }) {
  const { redis, subscriber, cipher } = deps;
  const local = new Map<string, Set<LiveWriter>>();
  const channelOf = (sessionId: string) => `${deps.prefix}:webchat:live:${deps.hasher(`webchat-live:${sessionId}`)}`;

  subscriber.on('message', (channel: string, sealed: string) => {
    const writers = local.get(channel);
    if (!writers?.size) return;
    let replies: OutboundMessage[];
    try {
      replies = JSON.parse(cipher.decrypt(sealed, fieldOf(BOUND.webchatReplies, channel, 'replies'))) as OutboundMessage[];
    } catch {
      return;
    }
    for (const write of writers) write(replies);
  });

  return {
    /** Starts listening for one page; the returned function stops it (the page closed). */
    async open(sessionId: string, write: LiveWriter): Promise<() => Promise<void>> {
      const channel = channelOf(sessionId);
      const writers = local.get(channel) ?? new Set<LiveWriter>();
      writers.add(write);
      if (!local.has(channel)) {
        local.set(channel, writers);
        await subscriber.subscribe(channel);
      }
      return async () => {
        writers.delete(write);
        if (writers.size || local.get(channel) !== writers) return;
        local.delete(channel);
        await subscriber.unsubscribe(channel).catch(() => undefined);
      };
    },
    /** Hands replies to every open page of this session; resolves to how many processes held one (0: none open). */
    async push(sessionId: string, replies: OutboundMessage[]): Promise<number> {
      const channel = channelOf(sessionId);
      return redis.publish(channel, cipher.encrypt(JSON.stringify(replies), fieldOf(BOUND.webchatReplies, channel, 'replies')));
    },
    get openPages(): number {
      let n = 0;
      for (const writers of local.values()) n += writers.size;
      return n;
    },
  };
}
export type LiveChats = ReturnType<typeof createLiveChats>;
