// The browser suite's product: built from this checkout into a tree of its own (BUILD_OUT_DIR, so
// a running `npm start` keeps its dist/) and started standalone as `npm start` runs it — one
// process, in-process transport, its own embedded PostgreSQL in a fresh DATA_DIR (cheaper than a
// database on the run's server plus Kafka: nothing else to provision) — with the portal served by
// the gateway at `/`. Started once by the Jest global setup; the tests get it through env vars.
import { freePort, uniqueName } from '@billing/testing';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from './chromium.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../..');

/** What the tests read (set on process.env by the global setup; Jest workers inherit it). */
export const PRODUCT_ENV = {
  baseUrl: 'BROWSER_BASE_URL',
  adminPassword: 'BROWSER_ADMIN_PASSWORD',
  switchApiKey: 'BROWSER_SWITCH_API_KEY',
} as const;
/** The built tree the global setup started from (a spec may start a second instance of it). */
export const BUILD_DIR_ENV = 'BROWSER_BUILD_DIR';

export interface RunningProduct {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startProduct(): Promise<RunningProduct> {
  // never a skip: a missing browser is a failed run with the fix in the message
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`[browser] no Chromium at ${CHROMIUM_PATH}: the browser suite needs it. Install it with \`apt-get install chromium\` (Debian package "chromium").`);
  }
  // a product already running (BROWSER_BASE_URL, BROWSER_ADMIN_PASSWORD, BROWSER_SWITCH_API_KEY
  // set, e.g. `npm start` on a fresh DATA_DIR): the suite runs against it, builds and starts nothing
  if (Object.values(PRODUCT_ENV).every((name) => process.env[name])) {
    say(`using the running product at ${process.env[PRODUCT_ENV.baseUrl]}`);
    return { baseUrl: process.env[PRODUCT_ENV.baseUrl]!, stop: async () => undefined };
  }
  const { buildDir, cleanup } = buildProduct();
  try {
    const instance = await startInstance(buildDir);
    process.env[BUILD_DIR_ENV] = buildDir;
    process.env[PRODUCT_ENV.baseUrl] = instance.baseUrl;
    process.env[PRODUCT_ENV.adminPassword] = instance.adminPassword;
    process.env[PRODUCT_ENV.switchApiKey] = instance.switchApiKey;
    return { baseUrl: instance.baseUrl, stop: async () => { await instance.stop(); cleanup(); } };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** Builds this checkout (portal included) into a tree of its own under .tmp/; `cleanup` removes it. */
export function buildProduct(): { buildDir: string; cleanup: () => void } {
  const buildDir = path.join(root, '.tmp', `build-${uniqueName('browser')}`);
  const cleanup = () => rmSync(buildDir, { recursive: true, force: true });
  try {
    const started = Date.now();
    execFileSync(process.execPath, [path.join(root, 'tools', 'build.mjs')], { cwd: root, env: { ...process.env, BUILD_OUT_DIR: path.relative(root, buildDir) }, stdio: 'pipe' });
    say(`built into ${path.relative(root, buildDir)}/ in ${seconds(started)}`);
    if (!existsSync(path.join(buildDir, 'portal', 'index.html'))) throw new Error('the build wrote no portal/index.html');
  } catch (error) {
    cleanup();
    throw error;
  }
  return { buildDir, cleanup };
}

export interface RunningInstance extends RunningProduct {
  adminPassword: string;
  switchApiKey: string;
}

/**
 * One product process from a built tree, as `npm start` runs it, on a free port with its own
 * embedded PostgreSQL in a fresh DATA_DIR; `extraEnv` adds settings (the card top-up spec's
 * second instance: Stripe pointed at the recorder). The global setup's instance publishes its
 * address; a spec's own instance is the spec's to stop.
 */
export async function startInstance(buildDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningInstance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'browser-data-'));
  // as root the embedded server runs as the OS user postgres, which must reach DATA_DIR/postgres
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    PORTAL_DIR: path.join(buildDir, 'portal'),
    ADMIN_PASSWORD: `admin-${randomBytes(12).toString('hex')}`,
    SWITCH_API_KEY: `sk_browser_${randomBytes(16).toString('hex')}`,
    JWT_SECRET: randomBytes(48).toString('base64url'),
  };
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'NODE_OPTIONS', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE', 'STRIPE_PUBLISHABLE_KEY', 'SMTP_URL']) delete env[name];
  Object.assign(env, extraEnv);
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(buildDir, 'apps', 'standalone', 'src', 'main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ready(child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  say(`product ready at ${baseUrl} in ${seconds(started)}`);
  return { baseUrl, stop, adminPassword: env.ADMIN_PASSWORD!, switchApiKey: env.SWITCH_API_KEY! };
}

/** Resolves on the banner `npm start` prints once it listens; the output explains a failure. */
async function ready(child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!output().includes('ITC billing is running')) {
    if (child.exitCode !== null) throw new Error(`[browser] the product exited early (${child.exitCode}):\n${output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`[browser] the product was not ready in 120 s:\n${output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The values the global setup published; a clear failure when a test runs outside it. */
export function productSettings(): { baseUrl: string; adminPassword: string; switchApiKey: string } {
  const read = (name: string) => {
    const value = process.env[name];
    if (value === undefined || value === '') throw new Error(`${name} is not set: browser tests run under the browser project's global setup (npm test -- --selectProjects browser)`);
    return value;
  };
  return { baseUrl: read(PRODUCT_ENV.baseUrl), adminPassword: read(PRODUCT_ENV.adminPassword), switchApiKey: read(PRODUCT_ENV.switchApiKey) };
}

function say(line: string): void {
  process.stdout.write(`[browser] ${line}\n`);
}

function seconds(sinceMs: number): string {
  const tenths = Math.round((Date.now() - sinceMs) / 100);
  return `${Math.floor(tenths / 10)}.${tenths % 10} s`;
}
