import session from 'express-session';
import type { Redis } from 'ioredis';
import type { Config } from '../../src/config';
import { RedisSessionStore } from './redis-session-store';

export const SESSION_HOURS = 12;

/** Sessions in Redis; the cookie is httpOnly, SameSite=lax, and secure whenever the request came over TLS. */
export function createSessionMiddleware(config: Config, redis: Redis) {
  const secret = config.admin.sessionSecret;
  if (!secret) throw new Error('SESSION_SECRET is required for the admin panel (openssl rand -hex 32)');
  return session({
    name: 'lapor.sid',
    secret,
    store: new RedisSessionStore(redis, config.redis.prefix, SESSION_HOURS * 3600),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    // 'auto' marks the cookie secure when the request is https (behind a proxy: with `trust proxy` set).
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_HOURS * 3600_000 },
  });
}
