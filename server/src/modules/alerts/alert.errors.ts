import { AppError, type ErrorCode } from '@/lib/errors/app-error';
import { sqlState } from '@/lib/db/pg-errors';
import type { AlertStatus } from './alert-model';

/** Why an alert request was refused; each reason has one client code, here and nowhere else. */
export type AlertErrorReason = 'not_found' | 'already_moved' | 'refused_by_database';

const CODE_OF = {
  not_found: 'NOT_FOUND',
  already_moved: 'CONFLICT',
  refused_by_database: 'CONFLICT',
} as const satisfies Record<AlertErrorReason, ErrorCode>;

export class AlertError extends AppError {
  constructor(
    readonly reason: AlertErrorReason,
    message: string,
  ) {
    super(CODE_OF[reason], message);
    this.name = 'AlertError';
  }
}

/** Missing, of another org, or not readable by the actor: the same answer for each. */
export const alertNotFound = () => new AlertError('not_found', 'Alert not found');

export const alertAlreadyMoved = (status: AlertStatus, wanted: 'acknowledge' | 'resolve') =>
  new AlertError(
    'already_moved',
    `The alert is already ${status}: it cannot be ${wanted === 'acknowledge' ? 'acknowledged' : 'resolved'}`,
  );

// Raised by the alerts_forward_only trigger (migration 0019).
const TRANSITION_REFUSED = 'VAL01';

/** The trigger's refusal as the client sees it; anything else is not ours to translate. */
export function alertErrorOfDatabase(err: unknown): AlertError | undefined {
  return sqlState(err) === TRANSITION_REFUSED
    ? new AlertError('refused_by_database', 'The alert cannot move that way: alerts move forward only')
    : undefined;
}
