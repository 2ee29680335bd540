import { createHash, hash as oneShotHash } from 'node:crypto';
import type { AuditActorType } from '@/core/actor';
import type { AuditOutcome } from './audit-outcomes';

// Pure: the entry shapes, the canonical form that is hashed, and the hash. No I/O.

export type { AuditActorType };
export { AUDIT_OUTCOMES, type AuditOutcome } from './audit-outcomes';

/** What an entry says, whether linked into its chain yet or not. */
type EntryContent = {
  actorType: AuditActorType;
  actorId: string | null;
  actorRole: string | null;
  systemSource: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  dealId: string | null;
  ipAddress: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown>;
};

/** What a writer appends (to audit_log). */
export type AuditEntryInput = EntryContent & { orgId: string; at: Date };

/**
 * An entry as the chain holds it. `at` is the ISO-8601 UTC string with milliseconds that the
 * database renders (see atIsoSql), so the chainer and the verifier hash the same text.
 */
export type ChainedAuditEntry = EntryContent & { orgId: string; seq: number; at: string; prevHash: string; hash: string };

export type HashableAuditEntry = Omit<ChainedAuditEntry, 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

// The hashed object uses the column names, so anyone holding a CSV export can recompute hashes.
const FIELDS = [
  ['org_id', 'orgId'],
  ['seq', 'seq'],
  ['at', 'at'],
  ['actor_type', 'actorType'],
  ['actor_id', 'actorId'],
  ['actor_role', 'actorRole'],
  ['system_source', 'systemSource'],
  ['action', 'action'],
  ['resource_type', 'resourceType'],
  ['resource_id', 'resourceId'],
  ['deal_id', 'dealId'],
  ['ip_address', 'ipAddress'],
  ['outcome', 'outcome'],
  ['details', 'details'],
] as const satisfies ReadonlyArray<readonly [string, keyof HashableAuditEntry]>;

/** The entry as an object keyed by column name: what `canonicalEntryJson` serializes. */
export function hashedObject(entry: HashableAuditEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of FIELDS) out[name] = entry[key];
  return out;
}

// Most strings need no escaping; quoting them directly is about twice as fast as JSON.stringify.
// eslint-disable-next-line no-control-regex -- exactly the characters JSON must escape
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
const quote = (s: string) => (PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

const isSkipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * RFC 8785 (JCS) canonical JSON of a JSON value: members sorted by UTF-16 code units, numbers and
 * strings serialized as ECMAScript's JSON.stringify does. Same output as the `canonicalize`
 * package (a unit test holds them equal), about twice as fast: the verifier runs it per entry.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i === 0 ? '' : ',') + (isSkipped(item) ? 'null' : canonicalJson(item));
    }
    return out + ']';
  }
  const obj = value as Record<string, unknown> & { toJSON?: () => unknown };
  if (typeof obj.toJSON === 'function') return canonicalJson(obj.toJSON());
  let out = '{';
  for (const key of Object.keys(obj).sort()) {
    const item = obj[key];
    if (isSkipped(item)) continue;
    out += (out.length === 1 ? '' : ',') + quote(key) + ':' + canonicalJson(item);
  }
  return out + '}';
}

/**
 * RFC 8785 canonical JSON of the entry (seq and org_id included, hashes excluded). The top level
 * has a fixed shape, so it is assembled directly. A unit test holds this equal to the
 * `canonicalize` package's output for `hashedObject(entry)`.
 */
export function canonicalEntryJson(e: HashableAuditEntry): string {
  if (!Number.isSafeInteger(e.seq)) throw new Error('audit seq must be a safe integer');
  // Members in RFC 8785 order (UTF-16 code units of the names), written out: this runs once per
  // entry when chaining and when verifying.
  return (
    `{"action":${quote(e.action)},"actor_id":${nullable(e.actorId)},"actor_role":${nullable(e.actorRole)}` +
    `,"actor_type":${quote(e.actorType)},"at":${quote(e.at)},"deal_id":${nullable(e.dealId)}` +
    `,"details":${canonicalJson(e.details ?? {})},"ip_address":${nullable(e.ipAddress)},"org_id":${quote(e.orgId)}` +
    `,"outcome":${quote(e.outcome)},"resource_id":${nullable(e.resourceId)},"resource_type":${nullable(e.resourceType)}` +
    `,"seq":${e.seq},"system_source":${nullable(e.systemSource)}}`
  );
}

const nullable = (s: string | null) => (s === null ? 'null' : quote(s));

/** hash = SHA-256(prev_hash ‖ canonical JSON of the entry), hex. */
export function computeEntryHash(prevHash: string, entry: HashableAuditEntry): string {
  return sha256Hex(prevHash + canonicalEntryJson(entry));
}

// crypto.hash (Node ≥ 20.12) is a one-shot digest without a Hash object per call.
const sha256Hex: (text: string) => string =
  typeof oneShotHash === 'function'
    ? (text) => oneShotHash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text).digest('hex');

// PostgreSQL rejects U+0000 in text and jsonb and unpaired surrogates in JSON input. Such a value
// in a writer's entry (a resource id typed by a user, say) must not fail the request, so strings
// are made storable before they are sent; the hash is computed later from what was stored.
type Es2024String = string & { isWellFormed(): boolean; toWellFormed(): string };

function storable(_key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = value as Es2024String;
  const wellFormed = s.isWellFormed() ? value : s.toWellFormed();
  return wellFormed.includes('\u0000') ? wellFormed.replaceAll('\u0000', '\uFFFD') : wellFormed;
}

/** Entries as one JSON array of audit_log records (snake_case), for `json_to_recordset`. */
export function entryRecordsJson(entries: readonly AuditEntryInput[]): string {
  return JSON.stringify(
    entries.map((e) => ({
      org_id: e.orgId,
      at: e.at.toISOString(),
      actor_type: e.actorType,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      system_source: e.systemSource,
      action: e.action,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      deal_id: e.dealId,
      ip_address: e.ipAddress,
      outcome: e.outcome,
      details: e.details ?? {},
    })),
    storable,
  );
}
