import { computeEntryHash, GENESIS_HASH, type ChainedAuditEntry, type HashableAuditEntry } from '../audit-entry';

export const ORG = '0b6f3c1e-2f4a-4c1d-9a51-5d2b7c9e8f10';

export function entryBody(seq: number, overrides: Partial<HashableAuditEntry> = {}): HashableAuditEntry {
  return {
    orgId: ORG,
    seq,
    at: new Date(Date.UTC(2026, 0, 1) + (seq % 1e9) * 1001).toISOString(),
    actorType: 'user',
    actorId: `user-${seq % 3}`,
    actorRole: 'Compliance',
    systemSource: null,
    action: seq % 2 ? 'holdings.read' : 'deal.milestone_released',
    resourceType: 'deal',
    resourceId: `deal-${seq}`,
    dealId: `deal-${seq}`,
    ipAddress: '203.0.113.7',
    outcome: 'allowed',
    details: { n: seq, nested: { b: [1, 2.5, null], a: 'é\u2028' } },
    ...overrides,
  };
}

/** A valid chain of `n` entries. */
export function buildChain(n: number): ChainedAuditEntry[] {
  const out: ChainedAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = entryBody(seq);
    const hash = computeEntryHash(prevHash, body);
    out.push({ ...body, prevHash, hash });
    prevHash = hash;
  }
  return out;
}
