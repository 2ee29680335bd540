import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { parseEnv, type Env } from '@/config/env';
import { runMigrations } from '@/lib/db/migrate';
import { createOrm } from '@/lib/db/orm';
import { inScopedTransaction } from '@/lib/db/request-db';
import { AuditEntryMac, ENTRY_MAC_MIGRATION, sealMacStarts } from '@/core/audit';
import { createOrganization, passwordSchema } from '@/core/identity';
import { MODULES } from '@/app/modules';
import { ModuleRegistry } from '@/app/module-registry';
import { buildBareSchema } from '@/app/schema';
import { loadOrCreateDevSecrets } from '@/lib/crypto/dev-secrets';
import { loadKeyRing, type KeyRing } from '@/lib/crypto/key-ring';
import { SecretBox } from '@/lib/crypto/secret-box';
import { reencryptSecretsCommand } from './reencrypt-secrets';
import { openCliDatabase } from './cli-database';
import { recoverAccessCommand } from './recover-access';
import { securityEventsCommand } from './security-events';
import { verifyAuditCommand } from './verify-audit';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../schema/schema.graphql');

const USAGE = `vigil <command>
  migrate                         apply migrations/ (DATABASE_ADMIN_URL or DATABASE_URL)
  create-admin --org NAME [--slug SLUG] --email EMAIL --name NAME --password PW
                                  create an organization, its built-in roles and its first Admin
  add-admin --org SLUG --email EMAIL --name NAME --password PW --reason TEXT
                                  add an Admin to an existing organization (the day it locked itself out)
  reset-mfa --org SLUG --email EMAIL --reason TEXT
                                  clear a user's TOTP enrolment and end their sessions
  verify-audit [--org ORG_ID]     walk every audit chain; exit 1 naming the first entry that does not hold
  security-events [--limit N]     the platform's own security events (sign-ins naming no organization), newest first
  emit-schema [--check]           write schema/schema.graphql (--check: fail when it is stale)
  reencrypt-secrets               re-encrypt every sealed secret under the newest key of the key ring`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const env = parseEnv();
  switch (command) {
    case 'migrate': {
      // Without a server, the embedded database in DATA_DIR (as the other commands).
      const db = env.DATABASE_ADMIN_URL ? undefined : await openCliDatabase(env);
      try {
        const url = env.DATABASE_ADMIN_URL ?? db!.url;
        const result = await runMigrations(url);
        console.log(`applied: ${result.applied.join(', ') || 'none'}`);
        return result.applied.includes(ENTRY_MAC_MIGRATION) ? await sealAfterMigration(env, env.DATABASE_URL ?? url) : 0;
      } finally {
        await db?.close();
      }
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          slug: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
        },
      });
      if (!values.org || !values.email || !values.password) {
        console.error(USAGE);
        return 2;
      }
      const pw = passwordSchema.safeParse(values.password);
      if (!pw.success) {
        console.error(`password: ${pw.error.issues[0]!.message}`);
        return 2;
      }
      const db = await openCliDatabase(env);
      const orm = await createOrm({ url: db.url, poolMax: 1, entities: new ModuleRegistry(MODULES).entities });
      try {
        const { org, admin } = await inScopedTransaction(orm, { role: 'vigil_system', source: 'cli:create-admin' }, (em) =>
          createOrganization(em, {
            orgName: values.org!,
            slug: values.slug,
            admin: { email: values.email!, name: values.name ?? values.email!, password: values.password! },
          }),
        );
        console.log(JSON.stringify({ orgId: org.id, organization: org.slug, adminId: admin.id, email: admin.email }));
      } finally {
        await orm.close(true);
        await db.close();
      }
      return 0;
    }
    case 'verify-audit': {
      const { values } = parseArgs({ args: rest, options: { org: { type: 'string' } } });
      const ring = await keyRingOf(env);
      if (!ring) throw new Error('ENCRYPTION_KEYS or ENCRYPTION_KEYS_FILE is required: entries carry MACs under the key ring');
      const db = await openCliDatabase(env);
      try {
        return await verifyAuditCommand(db.url, new AuditEntryMac(ring), values.org);
      } finally {
        await db.close();
      }
    }
    case 'add-admin':
    case 'reset-mfa': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          reason: { type: 'string' },
        },
      });
      const { org, email, reason } = values;
      if (!org || !email || !reason?.trim() || (command === 'add-admin' && !values.password)) {
        console.error(USAGE);
        return 2;
      }
      const ring = await keyRingOf(env);
      if (!ring) throw new Error('ENCRYPTION_KEYS or ENCRYPTION_KEYS_FILE is required: the audit entry carries a MAC');
      if (command === 'reset-mfa')
        return recoverAccessCommand(env, ring, { kind: 'reset-mfa', organization: org, email, reason });
      const pw = passwordSchema.safeParse(values.password);
      if (!pw.success) {
        console.error(`password: ${pw.error.issues[0]!.message}`);
        return 2;
      }
      return recoverAccessCommand(env, ring, {
        kind: 'add-admin',
        organization: org,
        email,
        name: values.name ?? email,
        password: values.password!,
        reason,
      });
    }
    case 'security-events': {
      const { values } = parseArgs({ args: rest, options: { limit: { type: 'string' } } });
      const limit = Number(values.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
        console.error('--limit must be a whole number from 1 to 10000');
        return 2;
      }
      const db = await openCliDatabase(env);
      try {
        return await securityEventsCommand(db.url, limit);
      } finally {
        await db.close();
      }
    }
    case 'emit-schema': {
      const sdl = `${printSchema(lexicographicSortSchema(await buildBareSchema()))}\n`;
      if (rest.includes('--check')) {
        const { readFile } = await import('node:fs/promises');
        const current = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
        if (current !== sdl) {
          console.error('schema/schema.graphql is stale: run `pnpm codegen` and commit the result');
          return 1;
        }
        console.log('schema/schema.graphql is up to date');
        return 0;
      }
      await writeFile(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
      return 0;
    }
    case 'reencrypt-secrets': {
      const ring = await keyRingOf(env);
      if (!ring) throw new Error('ENCRYPTION_KEYS or ENCRYPTION_KEYS_FILE is required');
      const db = await openCliDatabase(env);
      const orm = await createOrm({ url: db.url, poolMax: 1 });
      try {
        return await reencryptSecretsCommand(orm, new SecretBox(ring), ring.currentKeyId);
      } finally {
        await orm.close(true);
        await db.close();
      }
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

/** The key ring as the server loads it (app/deps.ts): the environment's, else outside production the one in DATA_DIR. */
async function keyRingOf(env: Env): Promise<KeyRing | undefined> {
  const ring = loadKeyRing({ inline: env.ENCRYPTION_KEYS, file: env.ENCRYPTION_KEYS_FILE });
  if (ring || env.NODE_ENV === 'production') return ring;
  return loadKeyRing({ inline: (await loadOrCreateDevSecrets(env.DATA_DIR)).encryptionKeys });
}

/** `migrate` began entry MACs: it seals the orgs' MAC starts now, as a server that applies it does. */
async function sealAfterMigration(env: Env, url: string): Promise<number> {
  const ring = await keyRingOf(env);
  if (!ring) {
    console.error(`${ENTRY_MAC_MIGRATION} applied without a key ring: entries written before it will verify as forged`);
    return 1;
  }
  const orm = await createOrm({ url, poolMax: 1 });
  try {
    const { sealed, pending } = await sealMacStarts(orm, new AuditEntryMac(ring));
    console.log(`audit MAC starts: ${sealed} sealed, ${pending} left unsealed`);
    return pending === 0 ? 0 : 1;
  } finally {
    await orm.close(true);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
