import pino, { type Logger } from 'pino';

export type { Logger };

// Logs never carry personal data. Code must not log such fields in the first place; these paths are the safety net
// for the names we use for them, so a mistake prints [redacted] instead of a child's name.
const REDACT_PATHS = [
  '*.description', '*.name', '*.childName', '*.reporterName', '*.phone', '*.chatId', '*.replyAddress',
  '*.text', '*.body', '*.password', '*.token', '*.location', 'req.headers.cookie', 'req.headers.authorization',
];

export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}
