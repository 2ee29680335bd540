import pg from 'pg';
import type { AuditEntryMac } from '@/core/audit/audit-entry-mac';
import { verifyAllChainsOnClient, verifyOrgChainOnClient, type OrgChainVerification } from '@/core/audit/audit-chain-reader';

const line = (r: OrgChainVerification) => {
  const rate = r.elapsedMs > 0 ? Math.round((r.checked / r.elapsedMs) * 1000) : 0;
  return r.valid
    ? `ok      org ${r.orgId}: ${r.checked} entries, head ${r.headSeq} (${rate}/s)`
    : `INVALID org ${r.orgId}: first invalid entry ${r.firstInvalidSeq} (${r.reason}: ${r.message}); ${r.checked} entries hold before it`;
};

/**
 * `vigil verify-audit [orgId]`: walks every org's chain (or one) and prints one line per org.
 * Returns the exit code: 0 when every chain holds, 1 otherwise. `databaseUrl` connects as
 * vigil_app or an administrator; the walk runs as vigil_system. `mac`: the key ring's MAC keys,
 * which check each entry's writer.
 */
export async function verifyAuditCommand(
  databaseUrl: string,
  mac: AuditEntryMac,
  orgId?: string,
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
): Promise<0 | 1> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const results = orgId ? [await verifyOrgChainOnClient(client, mac, orgId)] : await verifyAllChainsOnClient(client, mac);
    for (const r of results) out(line(r));
    const bad = results.filter((r) => !r.valid).length;
    out(`${results.length} chain(s) checked, ${bad} invalid`);
    return bad === 0 ? 0 : 1;
  } finally {
    await client.end();
  }
}
