import type { DbScope } from '@/lib/db/db-scope';
import { forbidden } from '@/lib/errors/app-error';

/** Authentication assurance: 1 after a password (or an API key), 2 after a TOTP code. */
export type Aal = 1 | 2;

/** A person signed in with a JWT. */
export type UserActor = {
  kind: 'user';
  userId: string;
  orgId: string;
  roleId: string;
  roleName: string;
  permissions: ReadonlySet<string>;
  aal: Aal;
  mfaAt: number | null;
  session: { jti: string; expiresAt: Date; issuedAtMs: number };
};

/** An integrator or payment partner calling with a `vkp_` key; its scopes are its permissions. */
export type ApiKeyActor = {
  kind: 'api_key';
  keyId: string;
  orgId: string;
  /** The key's display name, recorded as the audit entry's role. */
  name: string;
  permissions: ReadonlySet<string>;
  aal: 1;
};

/** Vigil itself (a scheduled job, a CLI command): named by its source, never a person. */
export type SystemActor = {
  kind: 'system';
  source: string;
  /** The org the work is for, when it is for one. */
  orgId: string | null;
  /** What the job may do, declared by the job (checked by services like anyone's). */
  permissions: ReadonlySet<string>;
};

export type Actor = UserActor | ApiKeyActor | SystemActor;

/** An actor that a request carries: a user or an API key, always of one org. */
export type RequestActor = UserActor | ApiKeyActor;

/** How an audit entry names the kind of actor; `anonymous` is a request before sign-in. */
export type AuditActorType = 'user' | 'api_key' | 'system' | 'anonymous';

export type AuditActor = {
  actorType: AuditActorType;
  actorId: string | null;
  actorRole: string | null;
  systemSource: string | null;
};

/** Who an audit entry names for this actor: the one place that decides it. */
export function auditActorOf(actor: Actor): AuditActor {
  switch (actor.kind) {
    case 'user':
      return { actorType: 'user', actorId: actor.userId, actorRole: actor.roleName, systemSource: null };
    case 'api_key':
      return { actorType: 'api_key', actorId: actor.keyId, actorRole: actor.name, systemSource: null };
    case 'system':
      return { actorType: 'system', actorId: null, actorRole: null, systemSource: actor.source };
  }
}

/**
 * The database scope an actor's transactions run in: users and API keys are bound by RLS to
 * their org and permissions (the actor type travels in `app.actor_type`); the system runs as
 * vigil_system under its source name.
 */
export function dbScopeOf(actor: Actor): DbScope {
  switch (actor.kind) {
    case 'user':
      return {
        role: 'vigil_user',
        actorType: 'user',
        orgId: actor.orgId,
        actorId: actor.userId,
        roleId: actor.roleId,
        permissions: [...actor.permissions],
      };
    case 'api_key':
      return {
        role: 'vigil_user',
        actorType: 'api_key',
        orgId: actor.orgId,
        actorId: actor.keyId,
        roleId: null,
        permissions: [...actor.permissions],
      };
    case 'system':
      return { role: 'vigil_system', source: actor.source };
  }
}

/** For flows only a person has (sessions, MFA, passwords): FORBIDDEN for an API key or the system. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw forbidden('Only a signed-in person can do this');
  return actor;
}
