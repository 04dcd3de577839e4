/**
 * Runs tasks one at a time per chat, in arrival order, while different chats run side by side.
 * Channels hand each inbound message here so replies to one chat never overtake each other.
 */
export interface PerChatQueue {
  /** Queues the task behind the chat's earlier ones; resolves when it has run (never rejects). */
  run(chatKey: string, task: () => Promise<void>): Promise<void>;
  /** Resolves when every queued task has run: for a graceful stop. */
  drain(): Promise<void>;
  /** Chats with work queued or running. */
  readonly active: number;
}

export function createPerChatQueue(onError: (err: unknown) => void): PerChatQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(chatKey, task) {
      const previous = tails.get(chatKey) ?? Promise.resolve();
      const next = previous.then(task).catch(onError);
      tails.set(chatKey, next);
      void next.finally(() => {
        if (tails.get(chatKey) === next) tails.delete(chatKey);
      });
      return next;
    },
    async drain() {
      while (tails.size) await Promise.all([...tails.values()]);
    },
    get active() {
      return tails.size;
    },
  };
}
