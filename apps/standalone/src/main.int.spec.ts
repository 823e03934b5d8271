// `npm start` as a user runs it, minus the build: a fresh DATA_DIR starts an embedded PostgreSQL,
// serves /health, prints generated credentials once, stops cleanly on SIGTERM, and a restart
// keeps the data and prints nothing new.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function start(dataDir: string, port: number, portalDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), PORTAL_DIR: portalDir };
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'ADMIN_PASSWORD', 'SWITCH_API_KEY', 'JWT_SECRET', 'NODE_OPTIONS']) delete env[name];
  const child = spawn(process.execPath, ['tools/run-ts.mjs', 'apps/standalone/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited early (${child.exitCode}):\n${text}`);
    if (text.includes('ITC billing is running')) break;
    if (Date.now() > deadline) throw new Error(`not ready in 90 s:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => text, exited };
}

describe('standalone main', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'billing-standalone-'));
  // as root the embedded server runs as the OS user postgres, which must reach DATA_DIR/postgres
  chmodSync(dataDir, 0o755);
  // a built portal stands in for `vite build`'s output (PORTAL_DIR)
  const portalDir = mkdtempSync(path.join(tmpdir(), 'billing-portal-'));
  writeFileSync(path.join(portalDir, 'index.html'), '<!doctype html><title>ITC portal</title>');
  let running: Started | undefined;

  afterAll(async () => {
    if (running?.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(portalDir, { recursive: true, force: true });
  });

  it('starts on a fresh DATA_DIR, restarts on the same data, stops cleanly', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    running = await start(dataDir, port, portalDir);
    const first = running.output();
    const password = /admin login\s+admin \/ (\S+)/.exec(first)?.[1];
    const switchKey = /switch API key\s+(\S+)/.exec(first)?.[1];
    expect(password).toBeDefined();
    expect(switchKey).toMatch(/^sk_/);

    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { status: 'up' }, transport: { mode: 'in-process' } });
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    // the portal at / (and any page path), with the security headers
    const portal = await fetch(`${base}/customer/calls`, { headers: { accept: 'text/html' } });
    expect(await portal.text()).toBe('<!doctype html><title>ITC portal</title>');
    expect(portal.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect(statSync(path.join(dataDir, 'postgres.password')).mode & 0o777).toBe(0o600);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output()).toMatch(/database: done/);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    running = await start(dataDir, port, portalDir);
    const second = running.output();
    expect(second).not.toMatch(/admin login|switch API key/);
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await me.json()).toEqual({ role: 'admin', subjectId: 'admin', username: 'admin' });
    const sw = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${switchKey}` } });
    expect(sw.status).toBe(200);

    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
  }, 240_000);
});
