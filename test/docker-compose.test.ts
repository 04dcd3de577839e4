import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// No Docker engine runs here; this keeps the production compose file honest by reading it.
const ROOT = path.resolve(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });

describe('docker-compose.yml', () => {
  it('runs MongoDB 7 as a one-member replica set on a volume', () => {
    expect(compose.services.mongo.image).toBe('mongo:7');
    expect(compose.services.mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(compose.services.mongo.volumes).toContain('mongo-data:/data/db');
  });

  it('runs Redis 7 with AOF and noeviction, as BullMQ needs', () => {
    expect(compose.services.redis.image).toBe('redis:7');
    expect(compose.services.redis.command).toEqual(
      expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']),
    );
  });

  it.each(['admin', 'bots', 'worker'])('runs %s from the one Dockerfile, after the databases are healthy', (name) => {
    const service = compose.services[name];
    expect(service.build).toBe('.');
    expect(service.command.join(' ')).toBe(`node dist/${name}/main.js`);
    expect(service.depends_on).toEqual({ mongo: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(service.environment.MONGODB_URI).toMatch(/^mongodb:\/\/mongo:27017\/lapor_anak/);
  });

  it('declares every named volume it mounts', () => {
    const mounted = Object.values<any>(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((v: string) => v.split(':')[0]);
    for (const name of mounted) expect(Object.keys(compose.volumes)).toContain(name);
  });

  it('builds a multi-stage image that runs as a non-root user and never downloads a browser', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/PUPPETEER_SKIP_DOWNLOAD=true/);
  });

  it('passes `docker compose config` where a Docker CLI with Compose is installed (skipped, and said, elsewhere)', () => {
    const compose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (compose.status !== 0) {
      const why = compose.error ? 'no docker CLI' : 'the docker CLI has no compose plugin';
      process.stdout.write(`docker-compose.test: skipped \`docker compose config\` (${why} on this machine)\n`);
      return;
    }
    // Settings the file reads from .env; the check is of the file's shape, not of any secret.
    const env = { ...process.env, COMPOSE_DISABLE_ENV_FILE: '1' };
    const config = spawnSync('docker', ['compose', '--env-file', '/dev/null', 'config', '--quiet'], { cwd: ROOT, encoding: 'utf8', env });
    expect(config.stderr).toBe('');
    expect(config.status).toBe(0);
  });
});
