import type { NextFunction, Request, Response } from 'express';
import { badInput } from '@/lib/errors/app-error';
import { describeTextProblem, findBadText } from '@/lib/text/input-text';

/**
 * The REST side of the edge's text check (GraphQL's is core/graphql/input-text-guard.ts): mounted
 * once before every route, it refuses a query string holding a value no field may accept (NUL, a
 * lone surrogate, too long) with BAD_USER_INPUT, HTTP 400, through the one REST error responder.
 * A route that parses a body checks it with `findBadText` the same way.
 */
export function queryStringGuard(maxLength: number) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const bad = findBadText(req.query, maxLength);
    if (!bad) return next();
    next(
      badInput(`Invalid text in query parameter ${bad.path}: it ${describeTextProblem(bad.problem, maxLength)}`, {
        field: bad.path,
      }),
    );
  };
}
