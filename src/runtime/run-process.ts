import type { Logger } from '../logger';

type Stop = () => Promise<unknown> | unknown;

/**
 * Graceful shutdown for a process: on SIGTERM/SIGINT the stop hooks run in reverse order of registration
 * (last started, first stopped), bounded by a deadline, then the process exits.
 */
export function createShutdown(logger: Logger, deadlineMs = 25_000) {
  const hooks: { name: string; stop: Stop }[] = [];
  let stopping = false;

  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown deadline passed, exiting');
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    for (const hook of [...hooks].reverse()) {
      try {
        await hook.stop();
      } catch (err) {
        logger.error({ err, hook: hook.name }, 'error while stopping');
      }
    }
    logger.info('stopped');
    process.exit(0);
  }

  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // A stray rejection is logged, never a silent crash that loses a report mid-write.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  return {
    onStop(name: string, stop: Stop): void {
      hooks.push({ name, stop });
    },
  };
}
