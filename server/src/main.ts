import 'reflect-metadata';
import { ConfigError, parseEnv } from '@/config/env';
import { createLogger } from '@/lib/logger';
import { startVigil } from '@/app/bootstrap';

// Starts the process in mode all (default) | api | worker, as VIGIL_MODE says.
async function main() {
  let env;
  try {
    env = parseEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(env.LOG_LEVEL);
  const vigil = await startVigil(env, logger);
  // Ctrl-C reaches this process more than once: from the terminal (the whole process group) and
  // again from each launcher above it (npm, scripts/start.mjs, tsx) relaying it. A repeat must not
  // fall through to Node's default, which exits at once: in embedded mode the database would be
  // left unclosed and its last commits unflushed. Repeats are ignored; a stuck stop is bounded.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ signal }, 'shutdown took over 30 s; exiting');
      process.exit(1);
    }, 30_000).unref();
    await vigil.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
