import type { Redis } from 'ioredis';
import { pingMongo } from '../db/connect';
import { pingRedis } from '../redis';

export interface Readiness {
  ready: boolean;
  checks: { mongo: 'up' | 'down'; redis: 'up' | 'down' };
}

export async function checkReadiness(redis: Redis): Promise<Readiness> {
  const [mongo, redisUp] = await Promise.all([pingMongo(), pingRedis(redis)]);
  return {
    ready: mongo && redisUp,
    checks: { mongo: mongo ? 'up' : 'down', redis: redisUp ? 'up' : 'down' },
  };
}
