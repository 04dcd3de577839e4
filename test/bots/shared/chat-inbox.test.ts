import { createChatInbox, PartlySent } from '../../../bots/shared/chat-inbox';
import { createLogger } from '../../../src/logger';
import { createIntakeHarness } from '../../support/intake';

// The inbox on real Redis with a stand-in engine that records what it applied and what was sent.
let harness: ReturnType<typeof createIntakeHarness>;
beforeEach(() => {
  harness = createIntakeHarness('inbox');
});
afterEach(() => harness.close());

function inboxRecording() {
  const applied: string[] = [];
  const sent: string[] = [];
  const inbox = createChatInbox({
    redis: harness.redis, prefix: harness.prefix, channel: 'test', cipher: harness.cipher,
    logger: createLogger('test', process.env.TEST_LOG ?? 'silent'),
    apply: async (update) => {
      applied.push(update);
      return `answer to ${update}`;
    },
    deliver: async (_update, answer) => {
      sent.push(answer);
    },
  });
  return { inbox, applied, sent };
}

describe('chat inbox', () => {
  it('applies a chat\'s waiting updates lowest id first, whatever order they were stored in, and sends each answer', async () => {
    const { inbox, applied, sent } = inboxRecording();
    for (const id of [12, 10, 11]) expect(await inbox.accept('chat-a', id, `u${id}`)).toBe(true);
    await inbox.drain('chat-a');
    expect(applied).toEqual(['u10', 'u11', 'u12']);
    expect(sent).toEqual(['answer to u10', 'answer to u11', 'answer to u12']);
  });

  it('refuses an update delivered again, waiting or applied, so it is applied once', async () => {
    const { inbox, applied } = inboxRecording();
    expect(await inbox.accept('chat-a', 20, 'u20')).toBe(true);
    expect(await inbox.accept('chat-a', 20, 'u20')).toBe(false);
    await inbox.drain('chat-a');
    expect(await inbox.accept('chat-a', 20, 'u20')).toBe(false);
    await inbox.drain('chat-a');
    expect(applied).toEqual(['u20']);
  });

  it('still applies, once, an update that arrives after a later one of its chat was applied', async () => {
    const { inbox, applied } = inboxRecording();
    await inbox.accept('chat-a', 31, 'u31');
    await inbox.drain('chat-a');
    expect(await inbox.accept('chat-a', 30, 'u30')).toBe(true);
    await inbox.drain('chat-a');
    expect(applied).toEqual(['u31', 'u30']);
  });

  it('leaves a chat another inbox holds to that one: it applies what was added meanwhile before letting go', async () => {
    const holder = inboxRecording();
    const other = inboxRecording();
    let release!: () => void;
    const slow = createChatInbox({
      redis: harness.redis, prefix: harness.prefix, channel: 'test', cipher: harness.cipher, logger: createLogger('test', 'silent'),
      apply: async (update) => {
        holder.applied.push(update);
        if (update === 'u40') await new Promise<void>((r) => (release = r));
        return update;
      },
      deliver: async () => undefined,
    });
    await slow.accept('chat-b', 40, 'u40');
    const draining = slow.drain('chat-b');
    await new Promise((r) => setTimeout(r, 100));
    await other.inbox.accept('chat-b', 41, 'u41');
    await other.inbox.drain('chat-b');
    expect(other.applied).toEqual([]);
    release();
    await draining;
    expect(holder.applied).toEqual(['u40', 'u41']);
  });

  it('applies every update of chats that answer at once (the next stored as the last answer is sent), without the sweep', async () => {
    const waiting = new Map<string, () => void>();
    const inbox = createChatInbox({
      redis: harness.redis, prefix: harness.prefix, channel: 'test', cipher: harness.cipher, logger: createLogger('test', 'silent'),
      apply: async (update) => update,
      deliver: async (update) => waiting.get(update.split(':')[0]!)?.(),
    });
    // No sweep started here: an update whose drain is lost would never be applied (15 s tells "never" from a machine
    // loaded by other work; it is no speed target). 100 chats side by side, 20 updates
    // each, every one stored the moment the answer to the one before is sent (the bench's reporters).
    const chat = async (c: number) => {
      for (let i = 1; i <= 20; i++) {
        const sent = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`chat ${c} update ${i} not applied within 15 s`)), 15_000);
          waiting.set(`c${c}`, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        await inbox.accept(`chat-${c}`, c * 100 + i, `c${c}:${i}`);
        void inbox.drain(`chat-${c}`);
        await sent;
      }
    };
    await Promise.all(Array.from({ length: 100 }, (_, c) => chat(c)));
  }, 60_000);

  it('sends again only the part of an answer a failed send left, and applies the update once', async () => {
    const applied: string[] = [];
    const sent: string[] = [];
    let failAt: string | null = 'b';
    const inbox = createChatInbox({
      redis: harness.redis, prefix: harness.prefix, channel: 'test', cipher: harness.cipher, logger: createLogger('test', 'silent'),
      apply: async (update) => {
        applied.push(update);
        return 'a|b|c';
      },
      deliver: async (_update, answer) => {
        const parts = answer.split('|');
        for (const [i, part] of parts.entries()) {
          if (part === failAt) {
            failAt = null;
            throw new PartlySent(parts.slice(i).join('|'), new Error('connection reset'));
          }
          sent.push(part);
        }
      },
    });
    await inbox.accept('chat-d', 50, 'u50');
    await inbox.drain('chat-d');
    expect(sent).toEqual(['a']);
    // Tried again (here at once; the sweep would after 1 s).
    await inbox.drain('chat-d');
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(applied).toEqual(['u50']);
  });
});
