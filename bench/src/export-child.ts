import { createWriteStream } from 'node:fs';
import pg from 'pg';
import { streamAuditCsv } from '@vigil/server/core/audit/audit-export';

// Runs in its own process so its peak RSS is the export's: argv = appUrl orgId. The process holds
// Node, pg and the export module, and borrows its connection from a plain pg pool: the ORM the
// server also holds is not part of what an export costs.
const [appUrl, orgId] = process.argv.slice(2);
if (!appUrl || !orgId) throw new Error('usage: export-child <appUrl> <orgId>');

const pool = new pg.Pool({ connectionString: appUrl, max: 2 });
const baseRss = process.memoryUsage().rss;
let bytes = 0;
const sink = createWriteStream('/dev/null');
sink.on('data', () => undefined);
const origWrite = sink.write.bind(sink);
sink.write = ((chunk: Buffer, ...rest: never[]) => {
  bytes += chunk.length;
  return origWrite(chunk, ...rest);
}) as typeof sink.write;
let peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak = m;
}, 50);
const started = performance.now();
const cpu0 = process.cpuUsage();
const rows = await streamAuditCsv(
  pool,
  {
    role: 'vigil_user',
    actorType: 'user',
    orgId,
    actorId: '00000000-0000-4000-8000-000000000001',
    roleId: null,
    permissions: ['audit:read'],
  },
  {},
  sink,
);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);

await pool.end();
process.stdout.write(
  JSON.stringify({
    rows,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    bytes,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakSample: peak,
    baseRssMb: baseRss / 1048576,
  }) + '\n',
);
