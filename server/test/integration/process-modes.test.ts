import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('process modes', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('should serve HTTP and chain the audit log in mode all', async () => {
    app = await startTestApp({ VIGIL_MODE: 'all' });
    expect(app.vigil.url).toBeDefined();
    expect(app.vigil.chainer).toBeDefined();
  });

  it('should serve HTTP without a chainer in mode api', async () => {
    app = await startTestApp({ VIGIL_MODE: 'api' });
    expect((await fetch(`${app.vigil.url}/healthz`)).status).toBe(200);
    expect(app.vigil.chainer).toBeUndefined();
  });

  it('should chain without serving HTTP in mode worker', async () => {
    app = await startTestApp({ VIGIL_MODE: 'worker' });
    expect(app.vigil.url).toBeUndefined();
    expect(app.vigil.chainer).toBeDefined();
  });
});
