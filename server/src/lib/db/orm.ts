import type { EntitySchema } from '@mikro-orm/core';
import { MikroORM, type Options } from '@mikro-orm/postgresql';

/**
 * `entities`: the EntitySchema definitions the modules declare (explicit column types, so no
 * decorator metadata is needed by tsx, esbuild or vitest). Tools that only use raw SQL (the
 * chainer's benchmark) pass none.
 */
export type OrmConfig = { url: string; poolMax: number; entities?: readonly EntitySchema[]; debug?: boolean };

/**
 * The ORM connects as `vigil_app`, which owns nothing and may do nothing until a transaction
 * says `SET LOCAL ROLE vigil_user | vigil_system` (see db-scope.ts). Nobody uses the global
 * entity manager: requests and jobs fork their own inside their scoped transaction.
 */
export async function createOrm(config: OrmConfig): Promise<MikroORM> {
  const options: Options = {
    clientUrl: config.url,
    entities: [...(config.entities ?? [])],
    pool: { min: 0, max: config.poolMax },
    allowGlobalContext: false,
    debug: config.debug ?? false,
    discovery: { warnWhenNoEntities: false },
    // Timestamps are timestamptz(3): millisecond precision, the same as a JS Date.
    forceUtcTimezone: true,
  };
  return MikroORM.init(options);
}
