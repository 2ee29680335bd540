import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, ServerReady, ServerStats } from './ipc';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

export type ServerChild = {
  name: string;
  ready: ServerReady;
  pid: number;
  stats(): Promise<ServerStats>;
  /** Starts the child's sampling profiler; the returned function stops it and saves the profile. */
  profile(file: string): () => Promise<string>;
  stop(): Promise<void>;
};

/**
 * Starts a server in its own Node process (tsx loader, the given tsconfig for path aliases and
 * decorators), so the load generator in this process does not share its event loop.
 */
export async function startServerChild(opts: {
  name: string;
  file: string;
  tsconfig: string;
  env?: Record<string, string>;
}): Promise<ServerChild> {
  const execArgv = ['--import', tsxLoader];
  const child: ChildProcess = fork(path.join(here, opts.file), [], {
    execArgv,
    // NODE_ENV=production for the libraries (graphql-js drops its development-mode checks, as it
    // does in a deployment); Vigil's own config is parsed from the explicit env startTestApp passes.
    env: { ...process.env, NODE_ENV: 'production', ...opts.env, TSX_TSCONFIG_PATH: opts.tsconfig },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type === 'ready') {
        child.off('message', onMessage);
        resolve(m);
      }
    };
    child.on('message', onMessage);
    void exited.then((code) => reject(new Error(`${opts.name} server exited with ${code} before it was ready`)));
  });
  const ask = <T extends ChildMessage['type']>(message: ParentMessage, answer: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve) => {
      const onMessage = (m: ChildMessage) => {
        if (m.type === answer) {
          child.off('message', onMessage);
          resolve(m as Extract<ChildMessage, { type: T }>);
        }
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return {
    name: opts.name,
    ready,
    pid: child.pid!,
    stats: () => ask({ type: 'stats' }, 'stats'),
    profile(file) {
      child.send({ type: 'profile-start' } satisfies ParentMessage);
      return async () => (await ask({ type: 'profile-stop', file }, 'profiled')).file;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
