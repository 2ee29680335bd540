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
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await vigil.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
