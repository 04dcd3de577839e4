import type http from 'node:http';
import { Redis } from 'ioredis';
import { createAdminApp, type AdminDeps } from '../../admin/create-admin-app';
import { loadConfig, type Config } from '../../src/config';
import { freePort } from './processes';
import { TEST_REDIS_URL, uniquePrefix } from './redis';

export interface RunningAdmin {
  baseUrl: string;
  config: Config;
  redis: Redis;
  close(): Promise<void>;
}

/** The admin app on a free port, against the test's database (already connected) and its own Redis prefix. */
export async function startAdminApp(
  label: string,
  databaseUri: string,
  extra: Partial<AdminDeps> = {},
  env: Record<string, string> = {},
): Promise<RunningAdmin> {
  const config = loadConfig({ ...process.env, ...env, MONGODB_URI: databaseUri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniquePrefix(label) });
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
  const app = createAdminApp({ config, redis, ...extra });
  const port = await freePort();
  const server: http.Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    config,
    redis,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      const keys = await redis.keys(`${config.redis.prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** A browser-like client on Node's fetch: keeps the session cookie and the CSRF token of the last page or sign-in. */
export class AdminClient {
  cookie = '';
  csrf = '';

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, init: { body?: string; type?: string; headers?: Record<string, string> } = {}) {
    const res = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(init.type ? { 'content-type': init.type } : {}),
        ...init.headers,
      },
      body: init.body,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    const token = /name="csrf-token" content="([^"]+)"/.exec(text) ?? /name="_csrf" value="([^"]+)"/.exec(text);
    if (token) this.csrf = token[1]!;
    let json: any;
    try {
      json = JSON.parse(text);
      if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json, location: res.headers.get('location') ?? '', headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** A form post; `_csrf` is added unless `csrf: false` (or a wrong token is given). */
  postForm(path: string, fields: Record<string, string>, opts: { csrf?: string | false } = {}) {
    const body = new URLSearchParams(fields);
    if (opts.csrf !== false) body.set('_csrf', opts.csrf ?? this.csrf);
    return this.request('POST', path, { body: body.toString(), type: 'application/x-www-form-urlencoded' });
  }

  /** A JSON call with the `x-csrf-token` header unless `csrf: false`. */
  json(method: string, path: string, body?: unknown, opts: { csrf?: string | false } = {}) {
    const headers: Record<string, string> = {};
    if (opts.csrf !== false) headers['x-csrf-token'] = opts.csrf ?? this.csrf;
    return this.request(method, path, { body: body === undefined ? undefined : JSON.stringify(body), type: 'application/json', headers });
  }

  /** Signs in through the HTML form, as a person would. */
  async signIn(username: string, password: string) {
    await this.get('/login');
    return this.postForm('/login', { username, password });
  }
}
