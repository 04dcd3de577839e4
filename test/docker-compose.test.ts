import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config';
import { caddySites } from './support/caddyfile';

// No Docker engine runs here; this keeps the production compose file honest by reading it.
const ROOT = path.resolve(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const services: Record<string, any> = compose.services;
const APPS = ['admin', 'bots', 'worker'];
const YEAR = 365 * 24 * 3600;

/** Every string in a parsed YAML value, with where it was found. */
function stringsIn(value: unknown, at: string): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${at}.${k}`));
  return [];
}

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|_KEY$|AUTH/;
/** `${NAME:?message}`: compose stops, naming the variable, when it is unset or empty. */
const REQUIRED = (name: string) => new RegExp(`^\\$\\{${name}:\\?[^}]+\\}$`);

describe('docker-compose.yml', () => {
  it('runs MongoDB 7 as a one-member replica set on a volume', () => {
    expect(services.mongo.image).toBe('mongo:7');
    expect(services.mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(services.mongo.volumes).toContain('mongo-data:/data/db');
  });

  it('runs Redis 7 with AOF and noeviction, as BullMQ needs', () => {
    expect(services.redis.image).toBe('redis:7');
    expect(services.redis.command).toEqual(
      expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']),
    );
  });

  it.each(APPS)('runs %s from the one Dockerfile, after the databases are healthy', (name) => {
    const service = services[name];
    expect(service.build).toBe('.');
    expect(service.command.join(' ')).toBe(`node dist/${name}/main.js`);
    expect(service.depends_on).toEqual({ mongo: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(service.environment.MONGODB_URI).toMatch(/^mongodb:\/\/[^@]+@mongo:27017\/lapor_anak\?/);
  });

  it('declares every named volume it mounts', () => {
    const mounted = Object.values<any>(services)
      .flatMap((s) => s.volumes ?? [])
      .map((v: string) => v.split(':')[0]!)
      .filter((source: string) => !/^[./]/.test(source)); // files of the repository, e.g. the Caddyfile
    for (const name of mounted) expect(Object.keys(compose.volumes)).toContain(name);
  });

  it('builds a multi-stage image that runs as a non-root user and never downloads a browser', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/PUPPETEER_SKIP_DOWNLOAD=true/);
  });
});

describe('what the production deployment exposes (read from the files, on every machine)', () => {
  it('publishes ports from the proxy alone, 80 and 443; nothing of the processes, Redis or MongoDB', () => {
    const publishing = Object.keys(services).filter((name) => services[name].ports?.length || services[name].network_mode === 'host');
    expect(publishing).toEqual(['proxy']);
    expect(services.proxy.ports.map((p: string) => p.split('/')[0])).toEqual(expect.arrayContaining(['80:80', '443:443']));
    for (const name of [...APPS, 'redis', 'mongo']) expect(services[name].expose).toBeUndefined();
  });

  it('keeps Redis and MongoDB on an internal network the proxy is not on', () => {
    expect(compose.networks.data.internal).toBe(true);
    expect(services.redis.networks).toEqual(['data']);
    expect(services.mongo.networks).toEqual(['data']);
    expect(services.proxy.networks).not.toContain('data');
    for (const name of APPS) expect(services[name].networks).toContain('data');
  });

  it('puts a pinned Caddy 2 in front, its Caddyfile from the repository, certificates on a volume', () => {
    expect(services.proxy.image).toMatch(/^caddy:2\.\d+\.\d+(-alpine)?$/);
    expect(services.proxy.volumes).toEqual(expect.arrayContaining(['./deploy/Caddyfile:/etc/caddy/Caddyfile:ro', 'caddy-data:/data']));
    expect(services.proxy.environment).toEqual({ ADMIN_HOST: expect.stringMatching(REQUIRED('ADMIN_HOST')), PUBLIC_HOST: expect.stringMatching(REQUIRED('PUBLIC_HOST')) });
  });

  it('serves the panel and the public side on their own hostnames, each over HTTPS with HSTS for a year or more', () => {
    const sites = caddySites(fs.readFileSync(path.join(ROOT, 'deploy/Caddyfile'), 'utf8'));
    expect(sites.map((s) => s.address)).toEqual(['{$ADMIN_HOST}', '{$PUBLIC_HOST}']);
    expect(sites.map((s) => s.directives.find((d) => d.startsWith('reverse_proxy ')))).toEqual(['reverse_proxy admin:3000', 'reverse_proxy bots:3001']);
    for (const site of sites) {
      const hsts = site.directives.map((d) => /^header Strict-Transport-Security "max-age=(\d+)/.exec(d)).find(Boolean);
      expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(YEAR);
      // No site of ours is served over plain HTTP: `http://` addresses or `auto_https off` would turn TLS off.
      expect(site.address).not.toMatch(/^http:|:80$/);
      expect(site.directives.join('\n')).not.toMatch(/auto_https|tls internal/);
    }
  });

  it('gives Redis a password from the environment, and the processes a REDIS_URL carrying it', () => {
    const command: string[] = services.redis.command;
    expect(command[command.indexOf('--requirepass') + 1]).toMatch(REQUIRED('REDIS_PASSWORD'));
    for (const name of APPS) expect(services[name].environment.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]+\}@redis:6379$/);
  });

  it('creates a MongoDB root user from the environment, and gives the processes a URI with credentials and authSource', () => {
    expect(services.mongo.environment.MONGO_INITDB_ROOT_USERNAME).toMatch(/^\$\{MONGO_ROOT_USERNAME(:-\w+)?\}$/);
    expect(services.mongo.environment.MONGO_INITDB_ROOT_PASSWORD).toMatch(REQUIRED('MONGO_ROOT_PASSWORD'));
    // Authentication on a replica set needs the key file for members.
    expect(services.mongo.command).toEqual(expect.arrayContaining(['--keyFile']));
    for (const name of APPS) {
      expect(services[name].environment.MONGODB_URI).toMatch(
        /^mongodb:\/\/\$\{MONGO_ROOT_USERNAME(:-\w+)?\}:\$\{MONGO_ROOT_PASSWORD:\?[^}]+\}@mongo:27017\/lapor_anak\?.*authSource=admin/,
      );
    }
  });

  it('holds no password literal: every secret is a variable compose refuses to run without', () => {
    const strings = stringsIn(compose, 'compose');
    // A fallback value (`${X:-…}`, `${X-…}`) of a secret would be a password everyone who reads this file knows.
    const defaulted = strings.flatMap(({ at, text }) =>
      [...text.matchAll(/\$\{(\w+)(:?-)[^}]*\}/g)].filter((m) => SECRET_NAME.test(m[1]!)).map((m) => `${at}: ${m[0]}`));
    expect(defaulted).toEqual([]);
    // Credentials inside a URL: the password part is one required variable. (Variables are set aside first: their
    // messages hold spaces and colons.)
    const urlPasswords = stringsIn(services, 'services').flatMap(({ text }) => {
      const variables: string[] = [];
      const bare = text.replace(/\$\{[^}]*\}/g, (v) => `<${variables.push(v) - 1}>`);
      return [...bare.matchAll(/\w+:\/\/[^/@\s]*?:([^/@\s]+)@/g)].map((m) => m[1]!.replace(/<(\d+)>/g, (_, i) => variables[Number(i)]!));
    });
    expect(urlPasswords).toHaveLength(APPS.length * 2); // MONGODB_URI and REDIS_URL of each process
    for (const secret of urlPasswords) expect(secret).toMatch(/^\$\{\w+:\?[^}]+\}$/);
    // Settings named like secrets hold a required variable, never a value.
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries<string>(service.environment ?? {})) {
        if (SECRET_NAME.test(key)) expect(`${name}.${key}=${value}`).toMatch(/=\$\{\w+:\?[^}]+\}$/);
      }
    }
  });

  it('opens the processes to 0.0.0.0 inside compose only; everywhere else they listen on loopback', () => {
    for (const name of APPS) expect(services[name].environment.BIND_ADDRESS).toBe('0.0.0.0');
    expect(loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), LOOKUP_HASH_KEY: Buffer.alloc(32, 2).toString('base64') }).bindAddress).toBe('127.0.0.1');
    for (const file of ['Dockerfile', '.env.example', 'scripts/start-prod.sh', 'scripts/start.sh']) {
      expect(`${file}: ${fs.readFileSync(path.join(ROOT, file), 'utf8')}`).not.toMatch(/BIND_ADDRESS\W*0\.0\.0\.0/);
    }
  });

  it('has the processes trust the proxy alone for the client address, and the panel link its HTTPS hostname', () => {
    for (const name of ['admin', 'bots']) expect(services[name].environment.TRUST_PROXY).toBe('1');
    expect(services.admin.environment.ADMIN_BASE_URL).toMatch(/^https:\/\/\$\{ADMIN_HOST:\?[^}]+\}$/);
  });
});

describe('`docker compose config` (where a Docker CLI with Compose is installed; skipped, and said, elsewhere)', () => {
  const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  const why = version.error ? 'no docker CLI' : 'the docker CLI has no compose plugin';
  const hasCompose = version.status === 0;
  const SETTINGS = {
    ADMIN_HOST: 'panel.example.org', PUBLIC_HOST: 'lapor.example.org',
    REDIS_PASSWORD: 'a'.repeat(64), MONGO_ROOT_PASSWORD: 'b'.repeat(64),
  };

  /** Runs compose on a copy of the deployment files with the given .env (compose reads it for `${…}` and env_file). */
  function composeConfig(env: Record<string, string>, args: string[]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-compose-'));
    fs.copyFileSync(path.join(ROOT, 'docker-compose.yml'), path.join(dir, 'docker-compose.yml'));
    fs.mkdirSync(path.join(dir, 'deploy'));
    fs.copyFileSync(path.join(ROOT, 'deploy/Caddyfile'), path.join(dir, 'deploy/Caddyfile'));
    fs.writeFileSync(path.join(dir, '.env'), Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''));
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in SETTINGS)));
    return spawnSync('docker', ['compose', 'config', ...args], { cwd: dir, encoding: 'utf8', env: clean });
  }

  it('passes, with the proxy the only service publishing ports and HSTS in the Caddyfile it mounts', () => {
    if (!hasCompose) return void process.stdout.write(`docker-compose.test: skipped \`docker compose config\` (${why} on this machine)\n`);
    const result = composeConfig(SETTINGS, ['--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout);
    const publishing = Object.entries<any>(config.services).filter(([, s]) => s.ports?.length).map(([name]) => name);
    expect(publishing).toEqual(['proxy']);
    const caddyfile = config.services.proxy.volumes.find((v: any) => v.target === '/etc/caddy/Caddyfile');
    const sites = caddySites(fs.readFileSync(caddyfile.source, 'utf8'));
    for (const site of sites) expect(site.directives).toEqual(expect.arrayContaining([expect.stringMatching(/^header Strict-Transport-Security "max-age=/)]));
  });

  it.each(['REDIS_PASSWORD', 'MONGO_ROOT_PASSWORD', 'ADMIN_HOST', 'PUBLIC_HOST'])('refuses to run without %s, naming it', (missing) => {
    if (!hasCompose) return void process.stdout.write(`docker-compose.test: skipped \`docker compose config\` without ${missing} (${why})\n`);
    const result = composeConfig({ ...SETTINGS, [missing]: '' }, ['--quiet']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(missing);
  });
});
