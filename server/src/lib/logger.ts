import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export const createLogger = (level: string, base: Record<string, unknown> = {}) =>
  pino({
    level,
    base: { service: 'vigil', ...base },
    // Credentials never reach the logs, whatever a caller passes.
    redact: ['req.headers.authorization', 'password', 'token', '*.password', '*.token', '*.secret'],
  });
