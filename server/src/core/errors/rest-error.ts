import type { Request, Response } from 'express';
import { AppError } from '@/lib/errors/app-error';
import type { Logger } from '@/lib/logger';
import { httpStatusOf } from './format-error';

/** The id the HTTP layer gave the request (X-Request-Id). */
export const requestIdOf = (req: Request): string => (req as Request & { id?: string }).id ?? 'unknown';

/**
 * The one error responder of the REST routes, with the same body shape and codes as GraphQL:
 * our own errors with their code and message; a client's malformed request (body parser:
 * bad JSON, too large) as BAD_USER_INPUT; anything else as INTERNAL_SERVER_ERROR with a generic
 * message and the request id, logged under that id. A response already streaming is cut off.
 */
export function sendRestError(req: Request, res: Response, err: unknown, logger: Logger): void {
  const requestId = requestIdOf(req);
  if (res.headersSent) {
    logger.error({ err, requestId }, 'response failed mid-stream');
    res.destroy();
    return;
  }
  if (err instanceof AppError) {
    const retryAfter = err.details.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    res
      .status(httpStatusOf(err.code))
      .json({ errors: [{ message: err.message, extensions: { code: err.code, ...err.details } }] });
    return;
  }
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ errors: [{ message: 'Bad request', extensions: { code: 'BAD_USER_INPUT' } }] });
    return;
  }
  logger.error({ err, requestId }, 'unexpected error');
  res
    .status(500)
    .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
}
