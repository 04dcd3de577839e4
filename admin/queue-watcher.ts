import { intakeQueueFingerprint } from '../src/reports/intake-queue';

export type QueueListener = () => void;

/**
 * One poller per admin process for every open live queue page: FerretDB has no change streams, so it compares a
 * fingerprint of the queue every `intervalMs`, and only while someone is watching.
 */
export function createQueueWatcher(intervalMs = 1500) {
  const listeners = new Set<QueueListener>();
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;

  async function poll(): Promise<void> {
    try {
      const next = await intakeQueueFingerprint();
      if (last !== undefined && next !== last) for (const listener of listeners) listener();
      last = next;
    } catch {
      // The database is away for a moment: the next poll tries again; readiness reports it.
    }
  }

  return {
    subscribe(listener: QueueListener): () => void {
      listeners.add(listener);
      if (!timer) {
        void poll();
        timer = setInterval(() => void poll(), intervalMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
          last = undefined;
        }
      };
    },
  };
}
export type QueueWatcher = ReturnType<typeof createQueueWatcher>;
