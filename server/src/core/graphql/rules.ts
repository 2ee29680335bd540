import { and, rule, type IRule } from 'graphql-shield';
import { badInput, forbidden, mfaRequired, unauthenticated } from '@/lib/errors/app-error';
import type { Permission } from '@/core/access/permission-catalog';
import type { RequestContext } from '@/core/request/request-context';
import type { ShieldRule } from './root-field';

/**
 * The building blocks of the shield. Rules answer with our own errors so the client learns why
 * (UNAUTHENTICATED, FORBIDDEN, MFA_REQUIRED, BAD_USER_INPUT); the fallback for anything
 * without a rule is deny.
 */
export const isAnyone = rule('anyone', { cache: 'no_cache' })(() => true);

export const isAuthenticated = rule('authenticated', { cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.actor ? true : unauthenticated(),
);

const permissionRules = new Map<Permission, IRule>();
export function can(permission: Permission): IRule {
  let r = permissionRules.get(permission);
  if (!r) {
    r = rule(`can:${permission}`, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
      if (!ctx.actor) return unauthenticated();
      return ctx.actor.permissions.has(permission) ? true : forbidden(`Needs the ${permission} permission`);
    });
    permissionRules.set(permission, r);
  }
  return r;
}

/** The session proved a second factor (AAL2). */
export const hasMfa = rule('aal2', { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (!ctx.actor) return unauthenticated();
  return ctx.actor.kind === 'user' && ctx.actor.aal === 2 ? true : mfaRequired();
});

export const JUSTIFICATION_MIN_LENGTH = 10;
export const JUSTIFICATION_MAX_LENGTH = 2000;

/** Admin writes carry a written reason, stored again in admin_audit_log. */
export const isJustified = rule('justified', { cache: 'strict' })((_parent, args: { justification?: unknown }) => {
  const j = typeof args.justification === 'string' ? args.justification.trim() : '';
  if (j.length < JUSTIFICATION_MIN_LENGTH || j.length > JUSTIFICATION_MAX_LENGTH) {
    return badInput(`A written justification of ${JUSTIFICATION_MIN_LENGTH}–${JUSTIFICATION_MAX_LENGTH} characters is required`, {
      field: 'justification',
    });
  }
  return true;
});

/** An Admin write: the permission, a second factor, and a written justification (R9, R13). */
export const adminWrite = (permission: Permission): ShieldRule => and(can(permission), hasMfa, isJustified);
