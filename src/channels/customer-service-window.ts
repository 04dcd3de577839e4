import type { Redis } from 'ioredis';

// WhatsApp Business (Cloud API) lets a business write freely to a person only within 24 hours of that person's last
// message; after that only an approved template may be sent. The Cloud API adapter records each inbound message
// here, keyed by the same keyed hash a Report stores as `reporterHash`, so the engine and the admin panel can ask.

const WINDOW_MS = 24 * 3600_000;
const key = (prefix: string, reporterHash: string) => `${prefix}:wa-cloud:last-inbound:${reporterHash}`;

export async function recordInboundMessage(redis: Redis, prefix: string, reporterHash: string, at: Date): Promise<void> {
  // Kept a little past the window, then Redis forgets it (nothing to clean up, nothing kept longer than needed).
  await redis.set(key(prefix, reporterHash), String(at.getTime()), 'PX', WINDOW_MS + 3600_000);
}

export interface Reachability {
  /** True: a free-form message may be sent now. False: only an approved template. */
  freeForm: boolean;
  /** When the free-form window closes (absent when it is closed or was never open). */
  until?: Date;
}

/** Whether a Cloud API reporter (by `reporterHash` = hasher(`whatsapp_cloud:<wa id>`)) can get a free-form message now. */
export async function canReachReporter(redis: Redis, prefix: string, reporterHash: string, now = new Date()): Promise<Reachability> {
  const last = Number(await redis.get(key(prefix, reporterHash)));
  if (!last) return { freeForm: false };
  const until = new Date(last + WINDOW_MS);
  return until > now ? { freeForm: true, until } : { freeForm: false };
}
