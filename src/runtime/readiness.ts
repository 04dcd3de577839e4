import type { Redis } from 'ioredis';
import { pingMongo } from '../db/connect';
import { pingRedis } from '../redis';

export interface Readiness {
  ready: boolean;
  checks: { mongo: 'up' | 'down'; redis: 'up' | 'down' };
}

/** Figures a process adds to its /readyz body for whoever watches it; they never decide readiness. */
export type ReadinessDetails = () => Promise<Record<string, unknown>>;

export async function checkReadiness(redis: Redis, details?: ReadinessDetails): Promise<Readiness & Record<string, unknown>> {
  const [mongo, redisUp, extra] = await Promise.all([pingMongo(), pingRedis(redis), readDetails(details)]);
  return {
    ...extra,
    ready: mongo && redisUp,
    checks: { mongo: mongo ? 'up' : 'down', redis: redisUp ? 'up' : 'down' },
  };
}

async function readDetails(details?: ReadinessDetails): Promise<Record<string, unknown>> {
  if (!details) return {};
  try {
    return await details();
  } catch {
    // Redis down, for instance: `checks` already says so.
    return {};
  }
}
