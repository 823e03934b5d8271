// Generated credentials are created and reported by the first start only; a restart on the same
// database reports nothing, keeps them, and keeps issued tokens valid. ADMIN_PASSWORD rotates.
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { startGatewayTestApp } from '../testing/gateway-test-app.js';
import { GatewaySecrets } from './gateway-secrets.js';

describe('generated secrets across restarts', () => {
  const schema = uniqueName('gw_secrets');
  const noSecrets = { ADMIN_PASSWORD: '', SWITCH_API_KEY: '' };

  it('are generated once, persisted, and not generated again', async () => {
    const first = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema, env: noSecrets, dropSchemaOnClose: false });
    let token: string;
    let adminPassword: string;
    let switchApiKey: string;
    try {
      const generated = first.app.get(GatewaySecrets).generated;
      expect(generated.adminUsername).toBe('admin');
      expect(generated.adminPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(generated.switchApiKey).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
      adminPassword = generated.adminPassword!;
      switchApiKey = generated.switchApiKey!;
      token = await first.login('admin', adminPassword);
      // stored hashed, never in clear
      const { rows } = await first.pool.query(`SELECT password_hash FROM ${schema}.credentials WHERE username = 'admin'`);
      expect(rows[0].password_hash).toMatch(/^\$scrypt\$/);
      const settings = await first.pool.query(`SELECT key, value FROM ${schema}.settings`);
      expect(JSON.stringify(settings.rows)).not.toContain(switchApiKey);
    } finally {
      await first.close();
    }

    const second = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema, env: noSecrets, dropSchemaOnClose: false });
    try {
      expect(second.app.get(GatewaySecrets).generated).toEqual({ adminUsername: 'admin' });
      // a token issued before the restart still works (the JWT secret is in the database)
      expect((await second.request('GET', '/api/v1/auth/me', { token })).body).toEqual({ role: 'admin', subjectId: 'admin', username: 'admin' });
      await second.login('admin', adminPassword);
      expect((await second.request('GET', '/api/v1/auth/me', { token: switchApiKey })).body).toMatchObject({ role: 'switch' });
    } finally {
      await second.close();
    }

    // ADMIN_PASSWORD set later: the admin's password is replaced, old tokens stop working.
    const third = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema,
      env: { ADMIN_PASSWORD: 'a-brand-new-admin-password', SWITCH_API_KEY: '' },
    });
    try {
      expect(third.app.get(GatewaySecrets).generated).toEqual({ adminUsername: 'admin' });
      await expect(third.login('admin', adminPassword)).rejects.toThrow(/401/);
      expect((await third.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
      await third.login('admin', 'a-brand-new-admin-password');
    } finally {
      await third.close();
    }
  }, 120_000);
});
