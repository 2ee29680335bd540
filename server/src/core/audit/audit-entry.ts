import { createHash, hash as oneShotHash } from 'node:crypto';
import type { AuditActorType } from '@/core/actor';
import type { AuditOutcome } from './audit-outcomes';

// Pure: the entry shapes, the canonical form that is hashed and MACed, and the hash. No I/O.

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
 * database renders (see atIsoSql), so the chainer and the verifier hash the same text. `mac` is its
 * writer's MAC (audit-entry-mac.ts), null for entries from before migration 0012; the chainer
 * does not read it.
 */
export type ChainedAuditEntry = EntryContent & {
  orgId: string;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
  mac?: string | null;
};

export type HashableAuditEntry = Omit<ChainedAuditEntry, 'prevHash' | 'hash' | 'mac'>;

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
// A writer's string as it will be stored (see `storableText`), quoted.
const quoteStored = (s: string) => (PLAIN.test(s) ? `"${s}"` : JSON.stringify(storableText(s)));

const isSkipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * RFC 8785 (JCS) canonical JSON of a JSON value: members sorted by UTF-16 code units, numbers and
 * strings serialized as ECMAScript's JSON.stringify does. Same output as the `canonicalize`
 * package (a unit test holds them equal), about twice as fast: the verifier runs it per entry.
 */
export function canonicalJson(value: unknown): string {
  return canonicalValue(value, false);
}

/**
 * `stored`: the value as a writer's JSON.stringify stores it instead: strings made storable, NaN
 * and ±Infinity as null. What PostgreSQL keeps and gives back is then exactly what was serialized,
 * so a writer can MAC the canonical JSON of values the verifier will only read later.
 */
function canonicalValue(value: unknown, stored: boolean): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return stored ? quoteStored(value) : quote(value);
    case 'number':
      if (Number.isFinite(value)) return JSON.stringify(value);
      if (stored) return 'null';
      throw new Error('canonical JSON has no NaN or Infinity');
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
      out += (i === 0 ? '' : ',') + (isSkipped(item) ? 'null' : canonicalValue(item, stored));
    }
    return out + ']';
  }
  const obj = value as Record<string, unknown> & { toJSON?: () => unknown };
  if (typeof obj.toJSON === 'function') return canonicalValue(obj.toJSON(), stored);
  let out = '{';
  for (const key of Object.keys(obj).sort()) {
    const item = obj[key];
    if (isSkipped(item)) continue;
    out += (out.length === 1 ? '' : ',') + quote(key) + ':' + canonicalValue(item, stored);
  }
  return out + '}';
}

/**
 * An entry's canonical JSON without seq, in two pieces around where seq goes: `head ‖ tail` is the
 * RFC 8785 form of the entry's content (what its writer knows and MACs), and
 * `head ‖ ,"seq":N ‖ tail` the form with seq that the chain hashes. The verifier builds the pieces
 * once per entry for both.
 */
export type CanonicalContent = { head: string; tail: string };

type ContentFields = Omit<HashableAuditEntry, 'seq' | 'at'>;

// Members in RFC 8785 order (UTF-16 code units of the names), written out: this runs once per
// entry when writing, chaining and verifying. `seq` sorts between resource_type and system_source.
function contentOf(e: ContentFields, at: string, stored: boolean): CanonicalContent {
  const q = stored ? quoteStored : quote;
  const n = stored ? nullableStored : nullable;
  return {
    head:
      `{"action":${q(e.action)},"actor_id":${n(e.actorId)},"actor_role":${n(e.actorRole)}` +
      `,"actor_type":${q(e.actorType)},"at":${q(at)},"deal_id":${n(e.dealId)}` +
      `,"details":${canonicalValue(e.details ?? {}, stored)},"ip_address":${n(e.ipAddress)},"org_id":${q(e.orgId)}` +
      `,"outcome":${q(e.outcome)},"resource_id":${n(e.resourceId)},"resource_type":${n(e.resourceType)}`,
    tail: `,"system_source":${n(e.systemSource)}}`,
  };
}

const nullable = (s: string | null) => (s === null ? 'null' : quote(s));
const nullableStored = (s: string | null) => (s === null ? 'null' : quoteStored(s));

/** The pieces of a chained entry's canonical JSON (values as read back from audit_log). */
export const canonicalContent = (e: Omit<HashableAuditEntry, 'seq'>): CanonicalContent => contentOf(e, e.at, false);

/** The pieces of a writer's entry as it will be stored and read back: see `canonicalValue`'s `stored`. */
export const storedCanonicalContent = (e: AuditEntryInput): CanonicalContent => contentOf(e, e.at.toISOString(), true);

/**
 * RFC 8785 canonical JSON of the entry (seq and org_id included, hashes excluded). A unit test
 * holds this equal to the `canonicalize` package's output for `hashedObject(entry)`.
 */
export function canonicalEntryJson(e: HashableAuditEntry): string {
  const { head, tail } = canonicalContent(e);
  return withSeq(head, e.seq, tail);
}

function withSeq(head: string, seq: number, tail: string): string {
  if (!Number.isSafeInteger(seq)) throw new Error('audit seq must be a safe integer');
  return `${head},"seq":${seq}${tail}`;
}

/** hash = SHA-256(prev_hash ‖ canonical JSON of the entry), hex. */
export function computeEntryHash(prevHash: string, entry: HashableAuditEntry): string {
  return sha256Hex(prevHash + canonicalEntryJson(entry));
}

/** The same hash from an entry's canonical pieces (`canonicalContent`) and its seq. */
export function entryHashOf(prevHash: string, content: CanonicalContent, seq: number): string {
  return sha256Hex(prevHash + withSeq(content.head, seq, content.tail));
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

function storableText(value: string): string {
  const s = value as Es2024String;
  const wellFormed = s.isWellFormed() ? value : s.toWellFormed();
  return wellFormed.includes('\u0000') ? wellFormed.replaceAll('\u0000', '\uFFFD') : wellFormed;
}

const storable = (_key: string, value: unknown): unknown => (typeof value === 'string' ? storableText(value) : value);

/** What signs an entry: its MAC text for the entry's canonical content `head ‖ tail`. */
export type EntrySigner = { sign(head: string, tail: string): string };

/**
 * Entries as one JSON array of signed audit_log records, for `json_to_recordset`: each record is
 * the entry's canonical content as it will be stored (`storedCanonicalContent`) with its `mac`.
 * One serialization per entry serves both the row and its MAC, so what is MACed is what is sent.
 */
export function signedRecordsJson(entries: readonly AuditEntryInput[], signer: EntrySigner): string {
  let out = '[';
  for (let i = 0; i < entries.length; i++) {
    const { head, tail } = storedCanonicalContent(entries[i]!);
    // The MAC text is a key id (letters, digits, _ and -), ':' and base64url: nothing to escape.
    out += `${i === 0 ? '' : ','}{"mac":"${signer.sign(head, tail)}",${head.slice(1)}${tail}`;
  }
  return out + ']';
}

/** Entries as one JSON array of records (snake_case), unsigned: for admin_audit_log, which is not chained. */
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
