import { isIP } from 'node:net';
import { z } from 'zod';
import { loadDistrict } from './districts/district';
import { TrustProxySchema } from './trust-proxy';

// The only reader of process.env. Parsed once at start-up; every problem is reported at once, on one line.

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'expected 32 bytes in base64 (openssl rand -base64 32)');

const mongoUri = z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// URI');
// A password in the URL must be percent-encoded: an unencoded "/" or "@" would otherwise send us to another host.
const redisUrl = z
  .string()
  .regex(/^rediss?:\/\/\S+$/, 'expected a redis:// URL')
  .refine((v) => URL.canParse(v) && new URL(v).hostname !== '', 'expected redis://[:password@]host:port, a password percent-encoded');
const port = z.coerce
  .number({ error: 'expected a port number 1–65535' })
  .int('expected a port number 1–65535')
  .min(1, 'expected a port number 1–65535')
  .max(65535, 'expected a port number 1–65535');
const httpUrl = z.string().url().regex(/^https?:\/\//, 'expected an http(s):// URL');
const flag = z.enum(['true', 'false', '1', '0'], { error: 'expected true or false' }).transform((v) => v === 'true' || v === '1');
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Every setting, by its environment variable name. Secrets are listed in SECRET_SETTINGS. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISTRICT: z.enum(['mukomuko', 'jombang']).default('mukomuko'),
  DISTRICT_ONCALL_PHONE: optional(z.string().regex(/^\+?[0-9 -]{3,20}$/, 'expected a phone number')),
  MONGODB_URI: mongoUri.default('mongodb://127.0.0.1:27017/lapor_anak'),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ queue and Redis key, so tests and deployments can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default('lapor'),
  PORT: port.default(3000),
  BOTS_PORT: port.default(3001),
  WORKER_PORT: port.default(3002),
  /**
   * The address every HTTP server (admin, bots, worker) listens on: loopback by default, so nothing answers from the
   * network unless a deployment says so (compose: 0.0.0.0 on its internal network, behind the TLS proxy).
   */
  BIND_ADDRESS: z.string().refine((v) => isIP(v) !== 0, 'expected an IP address such as 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
  /** Bearer token for the worker's /metrics; unset, /metrics answers only connections from loopback. */
  METRICS_TOKEN: optional(z.string().regex(/^[\x21-\x7e]{32,}$/, 'expected at least 32 printable characters (openssl rand -hex 32)')),
  ADMIN_BASE_URL: httpUrl.default('http://localhost:3000'),
  /** Which proxies may say who the client is (X-Forwarded-For/-Proto): unset trusts nobody (see src/trust-proxy.ts). */
  TRUST_PROXY: TrustProxySchema,
  DATA_ENCRYPTION_KEY: base64Key,
  DATA_ENCRYPTION_KEY_ID: z.string().regex(/^[a-z0-9]{1,16}$/i, 'expected 1–16 letters or digits').default('k1'),
  /** Retired keys kept for reading old values during rotation: "id:base64,id:base64". */
  DATA_ENCRYPTION_OLD_KEYS: optional(
    z.string().regex(/^([a-z0-9]{1,16}:[A-Za-z0-9+/=]{44})(,[a-z0-9]{1,16}:[A-Za-z0-9+/=]{44})*$/i, 'expected id:base64key pairs separated by commas'),
  ),
  LOOKUP_HASH_KEY: base64Key,
  SESSION_SECRET: optional(z.string().min(32, 'expected at least 32 characters')),
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'expected a bot token like 123456:ABC…')),
  TELEGRAM_API_ROOT: httpUrl.default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: optional(httpUrl),
  TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16–256 of A-Z a-z 0-9 _ -')),
  MEDIA_DIR: z.string().min(1).default('.data/media'),
  MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Comma-separated MIME types a reporter may send. */
  MEDIA_ALLOWED_TYPES: z
    .string()
    .regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+(,\s*[a-z0-9.+-]+\/[a-z0-9.+-]+)*$/i, 'expected MIME types separated by commas')
    .default('image/jpeg,image/png,image/webp,audio/ogg,audio/mpeg,audio/mp4,video/mp4,application/pdf'),
  DRAFT_TTL_MINUTES: z.coerce.number().int().positive().default(24 * 60),
  DRAFT_REMINDER_BEFORE_MINUTES: z.coerce.number().int().positive().default(60),
  DRAFT_RESUME_AFTER_MINUTES: z.coerce.number().int().positive().default(30),
  INTAKE_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  INTAKE_REPORTS_PER_DAY: z.coerce.number().int().positive().default(5),
  INTAKE_MAX_TEXT_LENGTH: z.coerce.number().int().min(100).default(4000),
  INTAKE_MAX_FILES_PER_REPORT: z.coerce.number().int().min(0).default(10),
  /** Days after filing in which a chat's messages (no draft open) join its last report instead of starting a new one. */
  INTAKE_FOLLOW_UP_DAYS: z.coerce.number().int().min(0).default(30),
  /** Rejected and merged reports lose their personal fields this many days after the decision. */
  RETENTION_REJECTED_DAYS: z.coerce.number().int().positive().default(90),
  /** Staff–reporter conversations of a case are erased this many days after terminasi. */
  RETENTION_TRANSCRIPT_DAYS: z.coerce.number().int().positive().default(365),
  /** When the retention job runs (cron, Asia/Jakarta time). */
  RETENTION_CRON: z.string().regex(/^\S+( \S+){4,5}$/, 'expected a cron pattern like 0 2 * * *').default('0 2 * * *'),
  /** Minutes an on-call alert may stay unacknowledged before it goes to the next level (fractions allowed). */
  ALERT_ESCALATE_MINUTES: z.coerce.number().positive().default(10),
  /** A report still `received` (or `triaged`) this long has lost its job: the sweeper re-queues it. */
  SWEEP_AFTER_SECONDS: z.coerce.number().positive().default(60),
  SWEEP_EVERY_SECONDS: z.coerce.number().positive().default(60),
  /** When the SLA watch runs (cron, Asia/Jakarta time). */
  SLA_WATCH_CRON: z.string().regex(/^\S+( \S+){4,5}$/, 'expected a cron pattern like */5 * * * *').default('*/5 * * * *'),
  /** How long a worker holds a job before BullMQ treats it as stalled (after a crash) and runs it again. */
  JOB_LOCK_SECONDS: z.coerce.number().positive().default(30),
  /** Steady Telegram send rate of the outbound queue (Bot API allows about 30 per second). */
  TELEGRAM_SENDS_PER_SECOND: z.coerce.number().int().positive().default(25),
  /** Least time between two worker sends to one Telegram chat (Bot API allows about one message per second per chat). */
  TELEGRAM_PER_CHAT_MS: z.coerce.number().int().min(0).default(1100),
  WEBCHAT_ENABLED: flag.default(true),
  /** Messages one web chat session may send per minute before each further one is answered after a short pause. */
  WEBCHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** New web chat sessions one address may open per window: people behind one carrier, school or office share it. */
  WEBCHAT_NEW_SESSIONS_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  WEBCHAT_NEW_SESSIONS_WINDOW_MINUTES: z.coerce.number().positive().default(10),
  /** Where the quick-exit button sends a visitor: a neutral page. */
  WEBCHAT_EXIT_URL: httpUrl.default('https://www.google.com/search?q=cuaca'),
  WHATSAPP_ENABLED: flag.default(false),
  WHATSAPP_SESSION_DIR: z.string().min(1).default('.data/whatsapp-session'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Outbound WhatsApp messages per second over all chats, and per minute to one chat. */
  WHATSAPP_SEND_PER_SECOND: z.coerce.number().int().positive().default(5),
  WHATSAPP_SEND_PER_CHAT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: optional(z.string().regex(/^\d{5,20}$/, 'expected the numeric phone number id')),
  WHATSAPP_CLOUD_ACCESS_TOKEN: optional(z.string().min(20, 'expected a Graph API access token')),
  WHATSAPP_CLOUD_APP_SECRET: optional(z.string().min(16, 'expected the app secret')),
  WHATSAPP_CLOUD_VERIFY_TOKEN: optional(z.string().min(16, 'expected at least 16 characters')),
  WHATSAPP_CLOUD_GRAPH_ROOT: httpUrl.default('https://graph.facebook.com/v21.0'),
  /** The approved message template for writing to a reporter outside the 24-hour window. */
  WHATSAPP_CLOUD_TEMPLATE: z.string().regex(/^[a-z0-9_]{1,512}$/, 'expected a template name (a-z 0-9 _)').default('lapor_anak_tindak_lanjut'),
  WHATSAPP_CLOUD_TEMPLATE_LANGUAGE: z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'expected a language code like id or en_US').default('id'),
});
export type Env = z.infer<typeof EnvSchema>;

export const SECRET_SETTINGS = [
  // Both URLs carry their service's password in production.
  'MONGODB_URI',
  'REDIS_URL',
  'DATA_ENCRYPTION_KEY',
  'DATA_ENCRYPTION_OLD_KEYS',
  'LOOKUP_HASH_KEY',
  'SESSION_SECRET',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'WHATSAPP_CLOUD_ACCESS_TOKEN',
  'WHATSAPP_CLOUD_APP_SECRET',
  'WHATSAPP_CLOUD_VERIFY_TOKEN',
  'METRICS_TOKEN',
] as const satisfies readonly (keyof Env)[];

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${describeIssue(i)}`);
    throw new ConfigError(`Configuration error: ${problems.join('; ')}`);
  }
  return toConfig(parsed.data);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.join(', ')}`;
  return issue.message;
}

function toConfig(e: Env) {
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    district: loadDistrict(e.DISTRICT, e.DISTRICT_ONCALL_PHONE),
    mongo: { uri: e.MONGODB_URI },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    trustProxy: e.TRUST_PROXY,
    bindAddress: e.BIND_ADDRESS,
    admin: { port: e.PORT, baseUrl: e.ADMIN_BASE_URL, sessionSecret: e.SESSION_SECRET },
    bots: { port: e.BOTS_PORT },
    worker: { port: e.WORKER_PORT, metricsToken: e.METRICS_TOKEN },
    crypto: {
      activeKeyId: e.DATA_ENCRYPTION_KEY_ID,
      keys: parseKeys(e.DATA_ENCRYPTION_KEY_ID, e.DATA_ENCRYPTION_KEY, e.DATA_ENCRYPTION_OLD_KEYS),
      lookupHashKey: Buffer.from(e.LOOKUP_HASH_KEY, 'base64'),
    },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    },
    webchat: {
      enabled: e.WEBCHAT_ENABLED, messagesPerMinute: e.WEBCHAT_MESSAGES_PER_MINUTE, exitUrl: e.WEBCHAT_EXIT_URL,
      newSessionsPerAddress: e.WEBCHAT_NEW_SESSIONS_PER_ADDRESS,
      newSessionsWindowSeconds: Math.round(e.WEBCHAT_NEW_SESSIONS_WINDOW_MINUTES * 60),
    },
    whatsapp: {
      enabled: e.WHATSAPP_ENABLED,
      sessionDir: e.WHATSAPP_SESSION_DIR,
      chromiumPath: e.CHROMIUM_PATH,
      sendPerSecond: e.WHATSAPP_SEND_PER_SECOND,
      sendPerChatPerMinute: e.WHATSAPP_SEND_PER_CHAT_PER_MINUTE,
    },
    whatsappCloud: {
      phoneNumberId: e.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
      accessToken: e.WHATSAPP_CLOUD_ACCESS_TOKEN,
      appSecret: e.WHATSAPP_CLOUD_APP_SECRET,
      verifyToken: e.WHATSAPP_CLOUD_VERIFY_TOKEN,
      graphRoot: e.WHATSAPP_CLOUD_GRAPH_ROOT,
      template: e.WHATSAPP_CLOUD_TEMPLATE,
      templateLanguage: e.WHATSAPP_CLOUD_TEMPLATE_LANGUAGE,
    },
    media: {
      dir: e.MEDIA_DIR,
      maxBytes: e.MEDIA_MAX_BYTES,
      allowedTypes: e.MEDIA_ALLOWED_TYPES.split(',').map((type) => type.trim().toLowerCase()),
    },
    intake: {
      draftTtlMinutes: e.DRAFT_TTL_MINUTES,
      reminderBeforeMinutes: e.DRAFT_REMINDER_BEFORE_MINUTES,
      resumeAfterMinutes: e.DRAFT_RESUME_AFTER_MINUTES,
      messagesPerMinute: e.INTAKE_MESSAGES_PER_MINUTE,
      reportsPerDay: e.INTAKE_REPORTS_PER_DAY,
      maxTextLength: e.INTAKE_MAX_TEXT_LENGTH,
      maxFilesPerReport: e.INTAKE_MAX_FILES_PER_REPORT,
      followUpDays: e.INTAKE_FOLLOW_UP_DAYS,
    },
    retention: { rejectedDays: e.RETENTION_REJECTED_DAYS, transcriptDays: e.RETENTION_TRANSCRIPT_DAYS, cron: e.RETENTION_CRON },
    alerts: { escalateAfterMs: Math.round(e.ALERT_ESCALATE_MINUTES * 60_000) },
    jobs: {
      sweepAfterMs: Math.round(e.SWEEP_AFTER_SECONDS * 1000),
      sweepEveryMs: Math.round(e.SWEEP_EVERY_SECONDS * 1000),
      slaWatchCron: e.SLA_WATCH_CRON,
      lockMs: Math.round(e.JOB_LOCK_SECONDS * 1000),
      telegramSendsPerSecond: e.TELEGRAM_SENDS_PER_SECOND,
      telegramPerChatMs: e.TELEGRAM_PER_CHAT_MS,
    },
  };
}
export type Config = ReturnType<typeof toConfig>;

function parseKeys(activeId: string, active: string, old: string | undefined): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const pair of old ? old.split(',') : []) {
    const [id, key] = pair.split(':') as [string, string];
    keys.set(id, Buffer.from(key, 'base64'));
  }
  keys.set(activeId, Buffer.from(active, 'base64'));
  return keys;
}

/** For process entry points: a bad setting ends the process with one line and exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

/** Reads `.env` into the environment when present, without overriding what is already set. */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
