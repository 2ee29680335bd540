import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '@/lib/errors/app-error';
import type { Aal } from '@/core/actor';

// One pinned algorithm: a token that names another (`none`, RS256 with our secret as a public
// key, …) is refused by jwtVerify before its signature is looked at.
const ALGORITHM = 'HS256';
const ISSUER = 'vigil';
const AUDIENCE = 'vigil-api';
export const ACCESS_TOKEN_TTL_SECONDS = 24 * 60 * 60;
// Issue times come from the database's clock and are checked against this server's: how far
// ahead of this server a token's issue time may be before it is refused as forged.
const MAX_CLOCK_AHEAD_MS = 5_000;

export type SessionClaims = {
  userId: string;
  orgId: string;
  roleId: string;
  roleName: string;
  permissions: string[];
  aal: Aal;
  /** When the user last proved MFA (ms since epoch), null at AAL1. */
  mfaAt: number | null;
  /**
   * Someone else set the password: the session carries no permissions and may only read `me`,
   * change the password and sign out (password-change-gate.ts). Absent from other tokens.
   */
  passwordChangeRequired?: boolean;
};

export type VerifiedSession = SessionClaims & {
  jti: string;
  /** Issue time in ms: revocations "before time T" compare against it. */
  issuedAtMs: number;
  expiresAt: Date;
};

// Verified tokens are remembered, so a session's later requests skip the signature check (on
// Node, jose verifies HMAC through WebCrypto on the thread pool: measured at ~10 % of a request's
// CPU). What is remembered is only "this exact string carries a valid signature and these
// claims"; expiry is still checked on every use, and revocation is checked by the caller on
// every request against the denylist.
const VERIFIED_CACHE_SIZE = 10_000;

export class AccessTokens {
  // A KeyObject made once: jose would import a raw Uint8Array again on every verify.
  private readonly key: KeyObject;
  private readonly verified = new Map<string, VerifiedSession>();

  constructor(
    secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('JWT secret must be at least 32 bytes');
    this.key = createSecretKey(secret);
  }

  /**
   * `notBeforeMs`: a revocation cutoff just written for this user; the new token must be issued
   * strictly after it or the denylist would refuse it. `issuedAtMs`: when the state the token
   * carries was read (default now); a token is never dated after its state.
   */
  async issue(
    claims: SessionClaims,
    notBeforeMs = 0,
    issuedAtMs: number = this.now(),
  ): Promise<{ token: string; jti: string; expiresAt: Date; issuedAtMs: number }> {
    const jti = randomUUID();
    issuedAtMs = Math.max(issuedAtMs, notBeforeMs + 1);
    const iat = Math.floor(issuedAtMs / 1000);
    const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({
      org: claims.orgId,
      rid: claims.roleId,
      role: claims.roleName,
      perms: claims.permissions,
      aal: claims.aal,
      mfa_at: claims.mfaAt,
      iat_ms: issuedAtMs,
      ...(claims.passwordChangeRequired ? { pwc: true } : {}),
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.userId)
      .setJti(jti)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, jti, expiresAt: new Date(exp * 1000), issuedAtMs };
  }

  async verify(token: string): Promise<VerifiedSession> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() > this.now()) return known;
      this.verified.delete(token);
      throw unauthenticated('Session expired');
    }
    const session = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      // Evict the oldest entry (Map keeps insertion order).
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(token, session);
    return session;
  }

  private async verifySignature(token: string): Promise<VerifiedSession> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'jti', 'exp', 'iat'],
        currentDate: new Date(this.now()),
        clockTolerance: 0,
      });
      const p = payload as Record<string, unknown>;
      const perms = p.perms;
      if (
        typeof p.org !== 'string' ||
        typeof p.rid !== 'string' ||
        typeof p.role !== 'string' ||
        !Array.isArray(perms) ||
        !perms.every((x) => typeof x === 'string') ||
        (p.aal !== 1 && p.aal !== 2) ||
        typeof p.iat_ms !== 'number'
      ) {
        throw unauthenticated('Malformed session token');
      }
      // A good signature is not enough: the token must also say a truthful age (our own issue
      // never writes another, so anything else was minted with a stolen key).
      if (Math.floor(p.iat_ms / 1000) !== payload.iat) throw unauthenticated('Malformed session token');
      if (p.iat_ms > this.now() + MAX_CLOCK_AHEAD_MS) throw unauthenticated('Session token issued in the future');
      if (payload.exp! - payload.iat! > ACCESS_TOKEN_TTL_SECONDS) throw unauthenticated('Session token lives too long');
      return {
        userId: payload.sub!,
        orgId: p.org,
        roleId: p.rid,
        roleName: p.role,
        permissions: perms as string[],
        aal: p.aal,
        mfaAt: typeof p.mfa_at === 'number' ? p.mfa_at : null,
        passwordChangeRequired: p.pwc === true,
        jti: payload.jti!,
        issuedAtMs: p.iat_ms,
        expiresAt: new Date(payload.exp! * 1000),
      };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthenticated('Session expired');
      if (err instanceof joseErrors.JOSEError) throw unauthenticated('Invalid session token');
      throw err;
    }
  }
}
