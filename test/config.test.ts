import { loadConfig } from '../src/config';
import { startProcess } from './support/processes';

const good = {
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  LOOKUP_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
};

describe('configuration', () => {
  it('fills the documented defaults', () => {
    const config = loadConfig(good);
    expect(config.mongo.uri).toBe('mongodb://127.0.0.1:27017/lapor_anak');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.admin.port).toBe(3000);
    expect(config.telegram.apiRoot).toBe('https://api.telegram.org');
    expect(config.district.kecamatan).toHaveLength(15);
  });

  it('loads the Jombang preset with its 21 kecamatan', () => {
    const config = loadConfig({ ...good, DISTRICT: 'jombang' });
    expect(config.district.unitShortName).toBe('PKSAI Jombang');
    expect(config.district.kecamatan).toHaveLength(21);
  });

  it('gives the intake its limits and media types, and refuses a malformed type list', () => {
    const config = loadConfig({ ...good, MEDIA_ALLOWED_TYPES: 'image/jpeg, Application/PDF', INTAKE_REPORTS_PER_DAY: '3' });
    expect(config.media.allowedTypes).toEqual(['image/jpeg', 'application/pdf']);
    expect(config.intake).toMatchObject({ reportsPerDay: 3, messagesPerMinute: 30, maxTextLength: 4000, draftTtlMinutes: 1440 });
    expect(loadConfig(good).media.allowedTypes).toContain('audio/ogg');
    expect(() => loadConfig({ ...good, MEDIA_ALLOWED_TYPES: 'jpeg;pdf' })).toThrow(/MEDIA_ALLOWED_TYPES: expected MIME types/);
  });

  it('names every wrong variable and what it expects, on one line, without echoing secrets', () => {
    const secret = 'c2VjcmV0LXRoYXQtaXMtdG9vLXNob3J0';
    expect(() => loadConfig({ ...good, DATA_ENCRYPTION_KEY: secret, PORT: 'abc', DISTRICT: 'bali' })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^Configuration error: .*DISTRICT: expected one of mukomuko, jombang.*PORT: expected a port number.*DATA_ENCRYPTION_KEY: expected 32 bytes/),
      }),
    );
    try {
      loadConfig({ ...good, DATA_ENCRYPTION_KEY: secret });
    } catch (err) {
      expect((err as Error).message).not.toContain(secret);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('listens on loopback unless BIND_ADDRESS names another address, and refuses what is not an address', () => {
    expect(loadConfig(good).bindAddress).toBe('127.0.0.1');
    expect(loadConfig({ ...good, BIND_ADDRESS: '0.0.0.0' }).bindAddress).toBe('0.0.0.0');
    expect(loadConfig({ ...good, BIND_ADDRESS: '::' }).bindAddress).toBe('::');
    expect(() => loadConfig({ ...good, BIND_ADDRESS: 'everywhere' })).toThrow(
      /^Configuration error: BIND_ADDRESS: expected an IP address such as 127\.0\.0\.1 or 0\.0\.0\.0$/,
    );
  });

  it('takes a Redis password only percent-encoded in REDIS_URL, and a METRICS_TOKEN of 32 or more characters, echoing neither', () => {
    expect(loadConfig({ ...good, REDIS_URL: 'redis://:s3cr%2Ft@redis:6379' }).redis.url).toBe('redis://:s3cr%2Ft@redis:6379');
    // Unencoded, the "/" would end the host part: a connection to somewhere else, or nowhere.
    expect(() => loadConfig({ ...good, REDIS_URL: 'redis://:s3cr/t@redis:6379' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^Configuration error: REDIS_URL: expected redis:\/\/\[:password@\]host:port, a password percent-encoded$/) }),
    );
    expect(loadConfig({ ...good, METRICS_TOKEN: 'f'.repeat(64) }).worker.metricsToken).toBe('f'.repeat(64));
    expect(loadConfig(good).worker.metricsToken).toBeUndefined();
    expect(() => loadConfig({ ...good, METRICS_TOKEN: 'short-token' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('short-token') }),
    );
    expect(() => loadConfig({ ...good, METRICS_TOKEN: 'short-token' })).toThrow(/METRICS_TOKEN: expected at least 32 printable characters/);
  });

  it.each(['admin/main.ts', 'worker/main.ts', 'bots/main.ts'])(
    '%s stops with one clear line and exit code 1 on a bad setting',
    async (entry) => {
      const proc = startProcess(entry, { ...good, MONGODB_URI: 'postgres://nope', LOG_LEVEL: 'info' });
      expect(await proc.exited).toBe(1);
      expect(proc.output().trim()).toBe('Configuration error: MONGODB_URI: expected a mongodb:// URI');
    },
  );

  it('a missing key is reported as required', async () => {
    const proc = startProcess('admin/main.ts', { DATA_ENCRYPTION_KEY: '', LOOKUP_HASH_KEY: '', LOG_LEVEL: 'info' });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim()).toBe(
      'Configuration error: DATA_ENCRYPTION_KEY: expected 32 bytes in base64 (openssl rand -base64 32); LOOKUP_HASH_KEY: expected 32 bytes in base64 (openssl rand -base64 32)',
    );
  });
});
