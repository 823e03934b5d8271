// docker-compose.yml cannot run here (no Docker engine): parse it and check the topology it promises.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type ComposeService = {
  image?: string;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, unknown>;
};
type Compose = { services: Record<string, ComposeService> };
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as Compose;

/** The distributed contract: the variables every process gets, and each process's own. */
const COMMON = ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET', 'SWITCH_API_KEY', 'BILLING_CURRENCY', 'ADMIN_USERNAME', 'ADMIN_PASSWORD'];
const PROCESSES: Record<string, string[]> = {
  gateway: ['ACCOUNTS_URL', 'WALLET_URL', 'RATING_URL', 'NOTIFICATIONS_URL'],
  accounts: ['INTERNAL_SERVICE_KEY', 'WALLET_URL', 'RATING_URL'],
  wallet: ['INTERNAL_SERVICE_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE'],
  rating: ['INTERNAL_SERVICE_KEY', 'WALLET_URL'],
  notifications: ['SMTP_URL', 'MAIL_FROM', 'PORTAL_URL'],
};
/** The internal service key: only the processes that call each other's internal routes get it. */
const INTERNAL_KEY_USERS = ['accounts', 'wallet', 'rating'];
const SERVICE_URLS: Record<string, string> = { ACCOUNTS_URL: 'accounts', WALLET_URL: 'wallet', RATING_URL: 'rating', NOTIFICATIONS_URL: 'notifications' };
/** Set explicitly and identically in every process (tokens, the switch key and the admin login are shared). */
const SHARED = ['DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET', 'SWITCH_API_KEY', 'BILLING_CURRENCY', 'ADMIN_USERNAME', 'ADMIN_PASSWORD'];

function checkProcess(services: Compose['services'], name: string): string[] {
  const service = services[name];
  if (service === undefined) return [`no service ${name}`];
  const problems: string[] = [];
  if (JSON.stringify(service.command) !== JSON.stringify(['node', `dist/apps/${name}/src/main.js`])) problems.push(`${name}: command ${JSON.stringify(service.command)}`);
  const env = service.environment ?? {};
  for (const variable of [...COMMON, ...(PROCESSES[name] ?? [])]) if (env[variable] === undefined) problems.push(`${name}: no ${variable}`);
  if (!service.healthcheck?.test?.join(' ').includes('/health')) problems.push(`${name}: no /health healthcheck`);
  if (services.postgres !== undefined && service.depends_on?.postgres === undefined) problems.push(`${name}: does not wait for postgres`);
  return problems;
}

function checkWiring(services: Compose['services']): string[] {
  const problems: string[] = [];
  const names = Object.keys(PROCESSES);
  for (const variable of SHARED) {
    const values = new Set(names.map((name) => services[name]?.environment?.[variable]));
    if (values.size !== 1) problems.push(`${variable} differs between the processes`);
  }
  for (const [secret, holder] of [['JWT_SECRET', 'gateway'], ['SWITCH_API_KEY', 'gateway'], ['INTERNAL_SERVICE_KEY', 'accounts'], ['ADMIN_PASSWORD', 'gateway']] as const) {
    // required from the operator's environment (.env), never a value committed here
    if (!/^\$\{[A-Z_]+:\?/.test(services[holder]?.environment?.[secret] ?? '')) problems.push(`${secret} is not required from the environment`);
  }
  // the internal service key: the same in the processes that use it, absent from the others
  if (new Set(INTERNAL_KEY_USERS.map((name) => services[name]?.environment?.INTERNAL_SERVICE_KEY)).size !== 1) problems.push('INTERNAL_SERVICE_KEY differs between the processes');
  for (const name of names.filter((each) => !INTERNAL_KEY_USERS.includes(each))) {
    if (services[name]?.environment?.INTERNAL_SERVICE_KEY !== undefined) problems.push(`${name}: given INTERNAL_SERVICE_KEY it never uses`);
  }
  const ports = names.map((name) => services[name]?.environment?.PORT);
  if (new Set(ports).size !== names.length) problems.push(`processes share a PORT: ${ports.join(',')}`);
  for (const [variable, target] of Object.entries(SERVICE_URLS)) {
    for (const name of names) {
      const raw = services[name]?.environment?.[variable];
      if (raw === undefined) continue;
      const url = new URL(raw);
      if (url.hostname !== target || url.port !== services[target]?.environment?.PORT) problems.push(`${name}: ${variable}=${raw} is not ${target} on its PORT`);
    }
  }
  const brokers = services.gateway?.environment?.KAFKA_BROKERS;
  if (brokers !== 'kafka:9092') problems.push(`KAFKA_BROKERS=${brokers} is not the kafka service`);
  return problems;
}

/** tools/distributed/topology.ts's order: accounts first, the gateway after every service is healthy. */
function checkStartOrder(services: Compose['services']): string[] {
  const problems: string[] = [];
  const healthy = (name: string, on: string) => (services[name]?.depends_on?.[on] as { condition?: string } | undefined)?.condition === 'service_healthy';
  for (const name of ['wallet', 'rating', 'notifications', 'gateway']) if (!healthy(name, 'accounts')) problems.push(`${name} does not wait for a healthy accounts`);
  for (const name of ['wallet', 'rating', 'notifications']) if (!healthy('gateway', name)) problems.push(`gateway does not wait for a healthy ${name}`);
  return problems;
}

describe('docker-compose.yml', () => {
  it('runs every service, PostgreSQL, a KRaft Kafka, a Kafka UI and an SMTP catcher', () => {
    for (const name of ['gateway', 'accounts', 'wallet', 'rating', 'notifications', 'postgres', 'kafka', 'kafka-ui', 'mailpit']) {
      expect(compose.services[name]).toBeDefined();
    }
    expect(compose.services.kafka?.image).toMatch(/kafka/);
    expect(compose.services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  it('keeps EventStoreDB optional behind a profile', () => {
    expect(compose.services.eventstoredb?.profiles).toEqual(['eventstoredb']);
  });

  it.each(Object.keys(PROCESSES))('runs %s with its entry point, its variables and a /health check', (name) => {
    expect(checkProcess(compose.services, name)).toEqual([]);
  });

  it('gives every process the same shared settings and points the service URLs at the services', () => {
    expect(checkWiring(compose.services)).toEqual([]);
  });

  it('starts accounts first and the gateway last', () => {
    expect(checkStartOrder(compose.services)).toEqual([]);
  });

  it('sends mail to the SMTP catcher', () => {
    expect(new URL(compose.services.notifications?.environment?.SMTP_URL ?? '').hostname).toBe('mailpit');
  });

  describe('the checks fail on a broken file', () => {
    const broken = (mutate: (services: Compose['services']) => void) => {
      const services = structuredClone(compose.services);
      mutate(services);
      return services;
    };

    it('a wrong command, a missing variable, no health check', () => {
      expect(checkProcess(broken((s) => (s.wallet!.command = ['node', 'dist/apps/standalone/src/main.js'])), 'wallet')).toHaveLength(1);
      expect(checkProcess(broken((s) => delete s.notifications!.environment!.SMTP_URL), 'notifications')).toEqual(['notifications: no SMTP_URL']);
      expect(checkProcess(broken((s) => delete s.rating!.healthcheck), 'rating')).toEqual(['rating: no /health healthcheck']);
      expect(checkProcess(broken((s) => delete s.accounts), 'accounts')).toEqual(['no service accounts']);
    });

    it('a service that no longer waits for accounts', () => {
      expect(checkStartOrder(broken((s) => delete s.rating!.depends_on!.accounts))).toEqual(['rating does not wait for a healthy accounts']);
    });

    it('a secret that differs, a URL to the wrong port', () => {
      expect(checkWiring(broken((s) => (s.rating!.environment!.JWT_SECRET = 'another-secret-of-at-least-32-characters')))).toEqual(['JWT_SECRET differs between the processes']);
      expect(checkWiring(broken((s) => (s.gateway!.environment!.WALLET_URL = 'http://wallet:3000')))).toEqual(['gateway: WALLET_URL=http://wallet:3000 is not wallet on its PORT']);
    });

    it('the internal service key given to a process that never uses it, or missing from one that does', () => {
      expect(checkWiring(broken((s) => (s.gateway!.environment!.INTERNAL_SERVICE_KEY = s.accounts!.environment!.INTERNAL_SERVICE_KEY!)))).toEqual(['gateway: given INTERNAL_SERVICE_KEY it never uses']);
      expect(checkProcess(broken((s) => delete s.rating!.environment!.INTERNAL_SERVICE_KEY), 'rating')).toEqual(['rating: no INTERNAL_SERVICE_KEY']);
    });
  });
});
