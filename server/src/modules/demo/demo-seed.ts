import { randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { appendInTransaction, type AuditEntryMac } from '@/core/audit';
import { hashPassword } from '@/lib/crypto/passwords';
import { inScopedTransaction } from '@/lib/db/request-db';
import type { Logger } from '@/lib/logger';
import { DEMO_DEPARTMENT, type DemoEmployee } from './demo-accounts';
import { DEMO_AUDIT_ACTIONS } from './demo-audit-actions';

// Seeds the demo into the first organization, once: each demo employee gets a roster entry and
// an Employee account (written here as the system, the step an Admin's invitation and the
// employee's acceptance would take), then signs in through the public GraphQL API and connects
// its key and adds its wallet with the same mutations a person uses: scope proof, sealing and
// polling run on the real code path. An employee already on the roster (by email) is skipped,
// so a restart seeds nothing twice.

export type DemoSeedDeps = {
  orm: MikroORM;
  auditMac: AuditEntryMac;
  logger: Logger;
  apiUrl: string;
  orgSlug?: string | undefined;
};

export type DemoSeedReport = {
  organization: string | null;
  employeesCreated: number;
  keysConnected: number;
  walletsAdded: number;
};

type Org = { id: string; slug: string };
type EmployeeState = {
  id: string;
  status: string;
  user_id: string | null;
  connections: string;
  wallets: string;
};

const SOURCE = 'demo';

const system = <T>(orm: MikroORM, fn: (em: EntityManager) => Promise<T>) =>
  inScopedTransaction(orm, { role: 'vigil_system', source: SOURCE }, fn);

async function firstOrg(orm: MikroORM, slug: string | undefined): Promise<Org | undefined> {
  return system(orm, async (em) => {
    // FIRST_ORG_SLUG's organization when there is one, else the oldest.
    const named = slug ? await em.execute<Org[]>('SELECT id, slug FROM organizations WHERE slug = ?', [slug]) : [];
    return named[0] ?? (await em.execute<Org[]>('SELECT id, slug FROM organizations ORDER BY created_at, id LIMIT 1'))[0];
  });
}

async function stateOf(em: EntityManager, orgId: string, email: string): Promise<EmployeeState | undefined> {
  const rows = await em.execute<EmployeeState[]>(
    `SELECT e.id, e.status, e.user_id,
            (SELECT count(*) FROM exchange_connections c WHERE c.employee_id = e.id AND c.status <> 'removed') AS connections,
            (SELECT count(*) FROM wallets w WHERE w.employee_id = e.id AND w.status = 'active') AS wallets
       FROM employees e WHERE e.org_id = ? AND e.email = ? ORDER BY e.created_at DESC LIMIT 1`,
    [orgId, email],
  );
  return rows[0];
}

function audit(em: EntityManager, auditMac: AuditEntryMac, orgId: string, action: string, employeeId: string, details: object) {
  return appendInTransaction(
    em,
    [
      {
        orgId,
        at: new Date(),
        actorType: 'system',
        actorId: null,
        actorRole: null,
        systemSource: SOURCE,
        action,
        resourceType: 'employee',
        resourceId: employeeId,
        dealId: null,
        ipAddress: null,
        outcome: 'allowed',
        details: { ...details, demo: true },
      },
    ],
    auditMac,
  );
}

/** The demo employee's roster entry and Employee account, as accepting an invitation makes them. */
async function createAccount(em: EntityManager, org: Org, person: DemoEmployee, passwordHash: string): Promise<EmployeeState> {
  const [user] = await em.execute<{ id: string }[]>(
    `INSERT INTO users (org_id, email, name, password_hash, role_id)
     SELECT ?, ?, ?, ?, r.id FROM roles r WHERE r.org_id = ? AND r.built_in AND r.name = 'Employee'
     RETURNING id`,
    [org.id, person.email, person.name, passwordHash, org.id],
  );
  if (!user) throw new Error('the organization has no Employee role');
  const [employee] = await em.execute<{ id: string }[]>(
    `INSERT INTO employees (org_id, name, email, department, status, user_id) VALUES (?, ?, ?, ?, 'active', ?) RETURNING id`,
    [org.id, person.name, person.email, DEMO_DEPARTMENT, user.id],
  );
  return { id: employee!.id, status: 'active', user_id: user.id, connections: '0', wallets: '0' };
}

/**
 * The roster entry and account of one demo employee, made if missing, with a random password
 * for the sign-in that follows (never shown or kept). An account made by an earlier start is
 * never signed in again: the system may not set a password (only the MFA columns of users are
 * granted to vigil_system), so a seed cut short between steps is reported, not finished.
 */
async function ensureAccount(
  deps: DemoSeedDeps,
  org: Org,
  person: DemoEmployee,
): Promise<{ state: EmployeeState; password?: string }> {
  const existing = await system(deps.orm, (em) => stateOf(em, org.id, person.email));
  if (existing) {
    const done = Number(existing.connections) > 0 && Number(existing.wallets) > 0;
    // An employee someone offboarded or asked to re-onboard is left as they left it.
    if (!done && existing.status === 'active')
      deps.logger.warn(
        { employee: person.name },
        'DEMO MODE: this demo employee has no key or no wallet (an earlier start stopped mid-seed); left as it is',
      );
    return { state: existing };
  }
  const password = randomBytes(24).toString('base64url');
  const passwordHash = await hashPassword(password);
  return system(deps.orm, async (em) => {
    const state = await createAccount(em, org, person, passwordHash);
    const details = { name: person.name, email: person.email, userId: state.user_id };
    await audit(em, deps.auditMac, org.id, DEMO_AUDIT_ACTIONS.employeeSeeded, state.id, details);
    return { state, password };
  });
}

type GqlReply<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

async function gql<T>(apiUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GqlReply<T>;
  if (!body.data || body.errors?.length) {
    const reasons = (body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    throw new Error(`demo seeding: ${reasons || `HTTP ${res.status}`}`);
  }
  return body.data;
}

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
const CONNECT = 'mutation($input: ConnectExchangeInput!) { connectExchange(input: $input) { connection { id status } } }';
const ADD_WALLET = 'mutation($input: AddWalletInput!) { addWallet(input: $input) { id } }';

/** Seeds the demo employees (idempotent); the wallets are on `chainId`, the demo chain. */
export async function seedDemo(deps: DemoSeedDeps, people: readonly DemoEmployee[], chainId: number): Promise<DemoSeedReport> {
  const report: DemoSeedReport = { organization: null, employeesCreated: 0, keysConnected: 0, walletsAdded: 0 };
  const org = await firstOrg(deps.orm, deps.orgSlug);
  if (!org) {
    deps.logger.warn('demo mode: no organization yet, nothing seeded (set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD)');
    return report;
  }
  report.organization = org.slug;
  for (const person of people) {
    const { password } = await ensureAccount(deps, org, person);
    if (password === undefined) continue;
    report.employeesCreated += 1;
    const { login } = await gql<{ login: { token: string } }>(deps.apiUrl, LOGIN, {
      input: { organization: org.slug, email: person.email, password },
    });
    const key = { venue: 'binance', apiKey: person.account.apiKey, secret: person.account.secret, label: 'Demo key' };
    await gql(deps.apiUrl, CONNECT, { input: key }, login.token);
    report.keysConnected += 1;
    const wallet = { chainId, address: person.wallet.address, label: 'Demo wallet' };
    await gql(deps.apiUrl, ADD_WALLET, { input: wallet }, login.token);
    report.walletsAdded += 1;
    // The session's work is done: sign it out rather than leave a live token behind.
    await gql(deps.apiUrl, 'mutation { logout }', {}, login.token).catch(() => undefined);
  }
  return report;
}
