import session from 'express-session';
import type { Redis } from 'ioredis';

// A small express-session store on ioredis (connect-redis wants the node-redis client). One key per session,
// expiring with the cookie, so Redis forgets abandoned sessions by itself.
export class RedisSessionStore extends session.Store {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {
    super();
  }

  private key(sid: string): string {
    return `${this.prefix}:sess:${sid}`;
  }

  override get(sid: string, done: (err: unknown, session?: session.SessionData | null) => void): void {
    this.redis.get(this.key(sid)).then(
      (raw) => done(null, raw ? (JSON.parse(raw) as session.SessionData) : null),
      (err) => done(err),
    );
  }

  override set(sid: string, data: session.SessionData, done?: (err?: unknown) => void): void {
    this.redis.set(this.key(sid), JSON.stringify(data), 'EX', this.ttlSeconds).then(() => done?.(), (err) => done?.(err));
  }

  override destroy(sid: string, done?: (err?: unknown) => void): void {
    this.redis.del(this.key(sid)).then(() => done?.(), (err) => done?.(err));
  }

  override touch(sid: string, _data: session.SessionData, done?: (err?: unknown) => void): void {
    this.redis.expire(this.key(sid), this.ttlSeconds).then(() => done?.(), (err) => done?.(err));
  }
}
