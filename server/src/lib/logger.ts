import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** `destination`: where lines go (default stdout); tests pass a stream to read them. */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'vigil', ...base },
    // Credentials never reach the logs, whatever a caller passes.
    redact: ['req.headers.authorization', 'password', 'token', '*.password', '*.token', '*.secret'],
  };
  return destination ? pino(options, destination) : pino(options);
}
