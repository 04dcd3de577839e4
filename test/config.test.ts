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
