import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

// CPU time of other processes on this machine (PostgreSQL backends, Redis), read from /proc, so
// the bench can say where the cores went. Linux only; elsewhere it reports nothing.

const TICK_MS = 10; // USER_HZ is 100 on every Linux the bench targets

export async function cpuMsOf(commands: readonly string[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = Object.fromEntries(commands.map((c) => [c, 0]));
  const pids = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    pids
      .filter((p) => /^\d+$/.test(p))
      .map(async (pid) => {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
        const open = stat.indexOf('(');
        const close = stat.lastIndexOf(')');
        if (open < 0 || close < 0) return;
        const comm = stat.slice(open + 1, close);
        const name = commands.find((c) => comm === c || comm.startsWith(c));
        if (!name) return;
        const fields = stat.slice(close + 2).split(' ');
        // utime and stime are fields 14 and 15 of the full line, 12 and 13 after "(comm) ".
        totals[name]! += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      }),
  );
  return totals;
}

/** Busy milliseconds of all cores together since boot. */
export function machineBusyMs(): number {
  return os.cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}
