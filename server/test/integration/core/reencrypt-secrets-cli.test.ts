import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reencryptSecretsCommand } from '@/cli/reencrypt-secrets';
import { parseKeyRing, type KeyRing } from '@/lib/crypto/key-ring';
import { SecretBox } from '@/lib/crypto/secret-box';
import {
  adminWithMfa,
  createTestOrg,
  createUserWithRole,
  enrolMfa,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// `vigil reencrypt-secrets` meets a ciphertext it cannot open (altered, or moved from another
// row): it names the row (table, id, column; never the value), re-encrypts everything else, and
// exits non-zero with a summary, instead of stopping at the first bad row with the rest unturned.
describe('CLI: reencrypt-secrets past a row it cannot decrypt', () => {
  let app: TestApp;
  let org: TestOrg;
  let sql: pg.Client;
  const users: { id: string; secret: string }[] = [];
  let ring: KeyRing;

  const sealedOf = async (id: string) =>
    (await sql.query<{ mfa_secret_enc: string }>('SELECT mfa_secret_enc FROM users WHERE id = $1', [id])).rows[0]!.mfa_secret_enc;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    const admin = await adminWithMfa(app, org);
    users.push({ id: org.adminId, secret: admin.secret });
    for (const label of ['second', 'third']) {
      const account = await createUserWithRole(app, admin.token, org.roles.Viewer.id, label);
      const enrolled = await enrolMfa(app, await login(app, account));
      const { rows } = await sql.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [account.email]);
      users.push({ id: rows[0]!.id, secret: enrolled.secret });
    }
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should report an altered and a moved ciphertext by row, re-encrypt the rest, and exit 1 with a summary', async () => {
    const [good, altered, moved] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    const sealedGood = await sealedOf(good.id);
    const sealedAltered = await sealedOf(altered.id);
    const flipped = sealedAltered.slice(0, -3) + (sealedAltered.at(-3) === 'A' ? 'B' : 'A') + sealedAltered.slice(-2);
    await sql.query('UPDATE users SET mfa_secret_enc = $1 WHERE id = $2', [flipped, altered.id]);
    // The good row's ciphertext copied onto another row: bound to its own row, it opens nowhere else.
    await sql.query('UPDATE users SET mfa_secret_enc = $1 WHERE id = $2', [sealedGood, moved.id]);

    ring = parseKeyRing(`${app.vigil.deps.env.ENCRYPTION_KEYS!},t2:${randomBytes(32).toString('base64')}`);
    const out: string[] = [];
    const err: string[] = [];
    const code = await reencryptSecretsCommand(
      app.vigil.deps.orm,
      new SecretBox(ring),
      ring.currentKeyId,
      (l) => out.push(l),
      (l) => err.push(l),
    );
    expect(code).toBe(1);
    const reported = err.filter((l) => l.startsWith('could not decrypt'));
    expect(reported).toHaveLength(2);
    for (const id of [altered.id, moved.id]) {
      expect(reported.filter((l) => l.includes(`users.mfa_secret_enc of row ${id}:`))).toHaveLength(1);
    }
    expect(err.at(-1)).toMatch(/^2 secrets could not be decrypted .*re-encrypted\)/);
    expect(out).toContain('users.mfa_secret_enc: 1 re-encrypted to t2');
    // Never a value: not the ciphertexts, not the secrets they hold.
    const printed = [...out, ...err].join('\n');
    for (const needle of [flipped, sealedGood, good.secret, altered.secret, moved.secret]) expect(printed).not.toContain(needle);

    // The good row moved to the new key and opens with it; the bad rows are exactly as they were.
    const resealed = await sealedOf(good.id);
    expect(resealed.startsWith('v1:t2:')).toBe(true);
    expect(new SecretBox(ring).decrypt(resealed, { table: 'users', id: good.id, orgId: org.orgId })).toBe(good.secret);
    expect(await sealedOf(altered.id)).toBe(flipped);
    expect(await sealedOf(moved.id)).toBe(sealedGood);

    // Run again: nothing left to turn but the two it reports again, still exit 1.
    const again: string[] = [];
    expect(
      await reencryptSecretsCommand(
        app.vigil.deps.orm,
        new SecretBox(ring),
        ring.currentKeyId,
        () => {},
        (l) => again.push(l),
      ),
    ).toBe(1);
    expect(again.filter((l) => l.startsWith('could not decrypt'))).toHaveLength(2);
  });

  it('should exit 0 once every row decrypts, and name a key the ring no longer holds', async () => {
    // The operator clears the two bad secrets (as reset-mfa does); the next run is clean.
    await sql.query('UPDATE users SET mfa_secret_enc = NULL, mfa_enabled_at = NULL WHERE id = ANY($1)', [
      users.slice(1).map((u) => u.id),
    ]);
    const out: string[] = [];
    const err: string[] = [];
    const box = new SecretBox(ring);
    expect(
      await reencryptSecretsCommand(
        app.vigil.deps.orm,
        box,
        ring.currentKeyId,
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(0);
    expect(err).toEqual([]);
    expect(out).toContain('users.mfa_secret_enc: 0 re-encrypted to t2');

    // A ring that dropped t2 too early: the row under it is named with the missing key's id.
    const lost = parseKeyRing(`t3:${randomBytes(32).toString('base64')}`);
    const left: string[] = [];
    expect(
      await reencryptSecretsCommand(
        app.vigil.deps.orm,
        new SecretBox(lost),
        't3',
        () => {},
        (l) => left.push(l),
      ),
    ).toBe(1);
    expect(left.filter((l) => l.startsWith('could not decrypt'))).toEqual([
      `could not decrypt users.mfa_secret_enc of row ${org.adminId}: key t2 is not in the key ring; left as it was`,
    ]);
  });
});
