import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './paths';

export type ServerProcess = {
  baseUrl: string;
  logFile: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
};

type StartOptions = {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Variables of this shell that the child must not inherit. */
  unsetEnv?: string[];
  baseUrl: string;
  readyPath: string;
  logName: string;
  readyTimeoutMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was ready.\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`The server was not ready at ${url} within ${timeoutMs} ms.\n${output()}`);
}

/** Starts a long-running child in its own process group (so `stop` takes its children too). */
export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, `${options.logName}.log`);
  const log = createWriteStream(logFile);
  let captured = '';
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of options.unsetEnv ?? []) delete env[name];
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    captured = (captured + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exited;
      }
    }
    log.end();
  };

  try {
    await waitForReady(`${options.baseUrl}${options.readyPath}`, child, options.readyTimeoutMs ?? 120_000, () => captured);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl: options.baseUrl, logFile, output: () => captured, stop };
}
