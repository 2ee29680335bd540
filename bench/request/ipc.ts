import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

// The messages between the bench (parent) and a server child process.
export type ServerReady = {
  type: 'ready';
  url: string;
  path: string;
  headers: Record<string, string>;
  adminUrl?: string;
  orgId?: string;
};
export type ServerStats = { type: 'stats'; cpuUserUs: number; cpuSystemUs: number; extra?: Record<string, number> };
export type ProfileSaved = { type: 'profiled'; file: string };
export type ChildMessage = ServerReady | ServerStats | ProfileSaved;
export type ParentMessage =
  { type: 'stats' } | { type: 'stop' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string };

/**
 * Child side: announces where it listens, answers CPU-usage probes, and stops on request (or
 * when the parent goes away).
 */
export function serveOverIpc(
  ready: Omit<ServerReady, 'type'>,
  stop: () => Promise<void>,
  extra?: () => Record<string, number>,
): void {
  if (!process.send) throw new Error('run me through the bench: I need an IPC channel');
  const send = (m: ChildMessage) => process.send!(m);
  let profiler: Session | undefined;
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stop().catch((err: unknown) => console.error(err));
    process.disconnect?.();
    process.exit(0);
  };
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'stats') {
      const cpu = process.cpuUsage();
      send({ type: 'stats', cpuUserUs: cpu.user, cpuSystemUs: cpu.system, extra: extra?.() });
    } else if (m.type === 'stop') void shutdown();
    else if (m.type === 'profile-start') {
      // In-process sampling profiler, only around the measured load (no start-up, no seeding).
      profiler = new Session();
      profiler.connect();
      void profiler
        .post('Profiler.enable')
        .then(() => profiler!.post('Profiler.setSamplingInterval', { interval: 200 }))
        .then(() => profiler!.post('Profiler.start'));
    } else if (m.type === 'profile-stop' && profiler) {
      const session = profiler;
      profiler = undefined;
      void session
        .post('Profiler.stop')
        .then(({ profile }) => writeFile(m.file, JSON.stringify(profile)))
        .then(() => {
          session.disconnect();
          send({ type: 'profiled', file: m.file });
        });
    }
  });
  process.on('disconnect', () => void shutdown());
  send({ type: 'ready', ...ready });
}
