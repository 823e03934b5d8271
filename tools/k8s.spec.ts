// deploy/k8s cannot be applied here (no cluster): parse the manifests and check what they promise —
// every process of the distributed contract has a Deployment running its entry point with /health
// probes and the variables it needs, every referenced ConfigMap/Secret key exists, the Secret holds
// placeholders only, and kustomization.yaml lists every file. Each check is a function returning
// the problems it found; the last block feeds them broken copies to prove they can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

type Manifest = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string }; [key: string]: unknown };
type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } };
};
type Probe = { httpGet?: { path?: string; port?: string | number } };
type Container = {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
type PodSpec = { containers: Container[] };
type Deployment = Manifest & {
  spec: { replicas?: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
};
type Service = Manifest & { spec: { selector: Record<string, string>; ports: { name?: string; port: number; targetPort?: string | number }[] } };
type KeyValues = Manifest & { data?: Record<string, string>; stringData?: Record<string, string> };

const dir = new URL('../deploy/k8s/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
const byFile = new Map(
  files.map((file) => {
    const docs = parseAllDocuments(readFileSync(new URL(file, dir), 'utf8'));
    for (const doc of docs) if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return [file, docs.map((doc) => doc.toJS() as Manifest).filter((m) => m !== null)];
  }),
);
const manifests = [...byFile.entries()].filter(([file]) => file !== 'kustomization.yaml').flatMap(([, docs]) => docs);
const kustomization = byFile.get('kustomization.yaml')?.[0] as (Manifest & { resources?: string[]; namespace?: string }) | undefined;

/** The distributed contract: per process, the variables it must get (beyond the common ones). */
const COMMON = ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET', 'SWITCH_API_KEY', 'BILLING_CURRENCY', 'ADMIN_USERNAME', 'ADMIN_PASSWORD'];
const PROCESSES: Record<string, string[]> = {
  gateway: ['ACCOUNTS_URL', 'WALLET_URL', 'RATING_URL', 'NOTIFICATIONS_URL'],
  accounts: ['INTERNAL_SERVICE_KEY', 'WALLET_URL', 'RATING_URL'],
  wallet: ['INTERNAL_SERVICE_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE'],
  rating: ['INTERNAL_SERVICE_KEY', 'WALLET_URL'],
  notifications: ['SMTP_URL', 'MAIL_FROM', 'PORTAL_URL'],
};
/** Never in a ConfigMap or a literal `value`. */
const SECRET_NAMES = ['DATABASE_URL', 'JWT_SECRET', 'SWITCH_API_KEY', 'INTERNAL_SERVICE_KEY', 'ADMIN_PASSWORD', 'SMTP_URL', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'];
/** Processes that start a relay: libs/platform/messaging has no leader lock, so one replica each. */
const RELAY_OWNERS = ['accounts', 'wallet', 'rating'];
/** The internal service key: only the processes that call each other's internal routes get it. */
const INTERNAL_KEY_USERS = ['accounts', 'wallet', 'rating'];
const SERVICE_URLS: Record<string, string> = { ACCOUNTS_URL: 'accounts', WALLET_URL: 'wallet', RATING_URL: 'rating', NOTIFICATIONS_URL: 'notifications' };

const ofKind = <T extends Manifest>(docs: readonly Manifest[], kind: string) => docs.filter((m) => m.kind === kind) as T[];
const named = <T extends Manifest>(docs: readonly Manifest[], kind: string, name: string) => ofKind<T>(docs, kind).find((m) => m.metadata?.name === name);
const clone = <T>(value: T): T => structuredClone(value);

function podSpecs(docs: readonly Manifest[]): { owner: string; spec: PodSpec }[] {
  const specs: { owner: string; spec: PodSpec }[] = [];
  for (const m of docs) {
    const spec = m.spec as Record<string, unknown> | undefined;
    if (m.kind === 'Deployment' || m.kind === 'Job') specs.push({ owner: `${m.kind}/${m.metadata?.name}`, spec: (spec?.template as { spec: PodSpec }).spec });
    if (m.kind === 'CronJob') {
      const job = (spec?.jobTemplate as { spec: { template: { spec: PodSpec } } }).spec;
      specs.push({ owner: `CronJob/${m.metadata?.name}`, spec: job.template.spec });
    }
  }
  return specs;
}

function checkProcess(docs: readonly Manifest[], name: string): string[] {
  const problems: string[] = [];
  const deployment = named<Deployment>(docs, 'Deployment', name);
  if (deployment === undefined) return [`no Deployment ${name}`];
  const containers = deployment.spec.template.spec.containers;
  const container = containers.find((c) => c.name === name) ?? containers[0];
  if (container === undefined) return [`${name}: no container`];
  const command = [...(container.command ?? []), ...(container.args ?? [])];
  if (JSON.stringify(command) !== JSON.stringify(['node', `dist/apps/${name}/src/main.js`])) problems.push(`${name}: command ${JSON.stringify(command)}`);
  const env = new Map((container.env ?? []).map((e) => [e.name, e]));
  for (const variable of [...COMMON, ...(PROCESSES[name] ?? [])]) if (!env.has(variable)) problems.push(`${name}: no ${variable}`);
  if (!INTERNAL_KEY_USERS.includes(name) && env.has('INTERNAL_SERVICE_KEY')) problems.push(`${name}: given INTERNAL_SERVICE_KEY it never uses`);
  const port = Number(env.get('PORT')?.value);
  const containerPort = container.ports?.find((p) => p.containerPort === port);
  if (containerPort === undefined) problems.push(`${name}: PORT ${String(env.get('PORT')?.value)} is not a container port`);
  for (const kind of ['readinessProbe', 'livenessProbe'] as const) {
    const probe = container[kind]?.httpGet;
    if (probe?.path !== '/health') problems.push(`${name}: ${kind} is not GET /health`);
    else if (probe.port !== port && (containerPort?.name === undefined || probe.port !== containerPort.name)) problems.push(`${name}: ${kind} probes port ${String(probe.port)}, not PORT`);
  }
  for (const bound of ['requests', 'limits'] as const) {
    const resources = container.resources?.[bound];
    if (resources?.cpu === undefined || resources.memory === undefined) problems.push(`${name}: no cpu/memory ${bound}`);
  }
  const labels = deployment.spec.template.metadata.labels;
  if (!Object.entries(deployment.spec.selector.matchLabels).every(([k, v]) => labels[k] === v)) problems.push(`${name}: selector does not match the pod labels`);
  const service = named<Service>(docs, 'Service', name);
  if (service === undefined) problems.push(`no Service ${name}`);
  else {
    if (!Object.entries(service.spec.selector).every(([k, v]) => labels[k] === v)) problems.push(`Service ${name} does not select the pods of Deployment ${name}`);
    const target = service.spec.ports[0]?.targetPort;
    if (target !== port && (containerPort?.name === undefined || target !== containerPort.name)) problems.push(`Service ${name} does not target PORT`);
  }
  if (RELAY_OWNERS.includes(name) && (deployment.spec.replicas ?? 1) !== 1) problems.push(`${name}: ${deployment.spec.replicas} replicas would run as many relays (no leader lock)`);
  return problems;
}

/** Every configMapKeyRef/secretKeyRef/envFrom names an existing object and key; no secret as a literal. */
function checkReferences(docs: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const keysOf = (kind: string, name: string) => {
    const object = named<KeyValues>(docs, kind, name);
    return object === undefined ? undefined : new Set([...Object.keys(object.data ?? {}), ...Object.keys(object.stringData ?? {})]);
  };
  for (const { owner, spec } of podSpecs(docs)) {
    for (const container of spec.containers) {
      for (const e of container.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
        const kind = e.valueFrom?.configMapKeyRef ? 'ConfigMap' : 'Secret';
        if (ref !== undefined) {
          const keys = keysOf(kind, ref.name);
          if (keys === undefined) problems.push(`${owner}: ${e.name} refers to missing ${kind} ${ref.name}`);
          else if (!keys.has(ref.key)) problems.push(`${owner}: ${e.name} refers to missing key ${ref.key} of ${kind} ${ref.name}`);
          if (kind === 'ConfigMap' && SECRET_NAMES.includes(e.name)) problems.push(`${owner}: secret ${e.name} read from a ConfigMap`);
        } else if (e.value !== undefined) {
          if (SECRET_NAMES.includes(e.name)) problems.push(`${owner}: secret ${e.name} given as a literal value`);
        } else {
          problems.push(`${owner}: ${e.name} has neither value nor valueFrom`);
        }
      }
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef && keysOf('ConfigMap', from.configMapRef.name) === undefined) problems.push(`${owner}: envFrom missing ConfigMap ${from.configMapRef.name}`);
        if (from.secretRef && keysOf('Secret', from.secretRef.name) === undefined) problems.push(`${owner}: envFrom missing Secret ${from.secretRef.name}`);
      }
    }
  }
  for (const config of ofKind<KeyValues>(docs, 'ConfigMap')) {
    for (const key of Object.keys(config.data ?? {})) if (SECRET_NAMES.includes(key)) problems.push(`ConfigMap ${config.metadata?.name} holds secret ${key}`);
  }
  return problems;
}

/** Placeholders only: every value (stringData, or base64 data decoded) is marked CHANGE_ME. */
function checkSecrets(docs: readonly Manifest[]): string[] {
  const problems: string[] = [];
  for (const secret of ofKind<KeyValues>(docs, 'Secret')) {
    const values = [
      ...Object.entries(secret.stringData ?? {}),
      ...Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')] as const),
    ];
    for (const [key, value] of values) if (!/CHANGE_ME/.test(String(value))) problems.push(`Secret ${secret.metadata?.name}: ${key} is not a CHANGE_ME placeholder`);
  }
  return problems;
}

/** The gateway's service URLs point at the Service of the right process, on its port. */
function checkServiceUrls(docs: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const config = named<KeyValues>(docs, 'ConfigMap', 'billing-config');
  for (const [variable, process] of Object.entries(SERVICE_URLS)) {
    const raw = config?.data?.[variable];
    if (raw === undefined) {
      problems.push(`ConfigMap has no ${variable}`);
      continue;
    }
    const url = new URL(raw);
    const service = named<Service>(docs, 'Service', process);
    const host = url.hostname.split('.')[0];
    if (host !== process || !service?.spec.ports.some((p) => p.port === Number(url.port || 80))) problems.push(`${variable}=${raw} is not the Service of ${process}`);
  }
  return problems;
}

function checkKustomization(listed: readonly string[] | undefined, present: readonly string[]): string[] {
  const resources = new Set(listed ?? []);
  const problems = present.filter((f) => f !== 'kustomization.yaml' && !resources.has(f)).map((f) => `kustomization.yaml does not list ${f}`);
  for (const r of resources) if (!present.includes(r)) problems.push(`kustomization.yaml lists missing ${r}`);
  return problems;
}

describe('deploy/k8s', () => {
  it.each(Object.keys(PROCESSES))('runs %s as a Deployment + Service with its command, env, /health probes and resources', (name) => {
    expect(checkProcess(manifests, name)).toEqual([]);
  });

  it('takes every referenced variable from an existing ConfigMap or Secret key', () => {
    expect(checkReferences(manifests)).toEqual([]);
  });

  it('keeps only CHANGE_ME placeholders in the Secret', () => {
    expect(ofKind(manifests, 'Secret')).toHaveLength(1);
    expect(checkSecrets(manifests)).toEqual([]);
  });

  it('points the service URLs at the services', () => {
    expect(checkServiceUrls(manifests)).toEqual([]);
  });

  it('has a Namespace, an Ingress to the gateway and a kustomization listing every file', () => {
    expect(kustomization?.kind).toBe('Kustomization');
    expect(checkKustomization(kustomization?.resources, files)).toEqual([]);
    const namespace = ofKind(manifests, 'Namespace')[0]?.metadata?.name;
    expect(namespace).toBeDefined();
    expect(kustomization?.namespace).toBe(namespace);
    for (const m of manifests) if (m.kind !== 'Namespace') expect([m.kind, m.metadata?.namespace]).toEqual([m.kind, namespace]);
    const ingress = ofKind<Manifest & { spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] } }>(manifests, 'Ingress');
    expect(ingress.flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name)))).toEqual(['gateway']);
  });

  it('runs the audit as tools/audit.ts with the database', () => {
    const audit = podSpecs(manifests).find((p) => p.owner === 'CronJob/wallet-audit')?.spec.containers[0];
    expect(audit?.command).toEqual(['node', 'tools/run-ts.mjs', 'tools/audit.ts']);
    expect(audit?.env?.map((e) => e.name)).toContain('DATABASE_URL');
  });

  describe('the checks fail on broken manifests', () => {
    const broken = (mutate: (docs: Manifest[]) => void) => {
      const docs = clone(manifests);
      mutate(docs);
      return docs;
    };
    const container = (docs: Manifest[], name: string) => named<Deployment>(docs, 'Deployment', name)!.spec.template.spec.containers[0]!;

    it('a missing probe, a wrong command, a missing variable, a second relay', () => {
      expect(checkProcess(broken((d) => delete container(d, 'wallet').livenessProbe), 'wallet')).toEqual(['wallet: livenessProbe is not GET /health']);
      expect(checkProcess(broken((d) => (container(d, 'rating').readinessProbe = { httpGet: { path: '/', port: 'http' } })), 'rating')).toEqual([
        'rating: readinessProbe is not GET /health',
      ]);
      expect(checkProcess(broken((d) => (container(d, 'accounts').command = ['node', 'dist/apps/standalone/src/main.js'])), 'accounts')).toHaveLength(1);
      expect(checkProcess(broken((d) => (container(d, 'rating').env = container(d, 'rating').env!.filter((e) => e.name !== 'WALLET_URL'))), 'rating')).toEqual([
        'rating: no WALLET_URL',
      ]);
      expect(checkProcess(broken((d) => (named<Deployment>(d, 'Deployment', 'wallet')!.spec.replicas = 2)), 'wallet')).toHaveLength(1);
      expect(checkProcess(broken((d) => container(d, 'gateway').env!.push({ name: 'INTERNAL_SERVICE_KEY', valueFrom: { secretKeyRef: { name: 'billing-secrets', key: 'INTERNAL_SERVICE_KEY' } } })), 'gateway')).toEqual([
        'gateway: given INTERNAL_SERVICE_KEY it never uses',
      ]);
      expect(checkProcess(broken((d) => d.splice(d.indexOf(named(d, 'Deployment', 'notifications')!), 1)), 'notifications')).toEqual(['no Deployment notifications']);
    });

    it('a reference to a missing key, a secret in the ConfigMap or as a literal', () => {
      expect(checkReferences(broken((d) => delete named<KeyValues>(d, 'ConfigMap', 'billing-config')!.data!.KAFKA_BROKERS))).toHaveLength(
        podSpecs(manifests).filter((p) => p.owner.startsWith('Deployment/')).length,
      );
      expect(checkReferences(broken((d) => delete named<KeyValues>(d, 'Secret', 'billing-secrets')!.stringData!.SMTP_URL))).toEqual([
        'Deployment/notifications: SMTP_URL refers to missing key SMTP_URL of Secret billing-secrets',
      ]);
      expect(checkReferences(broken((d) => (container(d, 'gateway').env!.find((e) => e.name === 'JWT_SECRET')!.valueFrom = undefined)))).toEqual([
        'Deployment/gateway: JWT_SECRET has neither value nor valueFrom',
      ]);
      expect(checkReferences(broken((d) => (container(d, 'gateway').env = [{ name: 'JWT_SECRET', value: 'x'.repeat(40) }])))).toEqual([
        'Deployment/gateway: secret JWT_SECRET given as a literal value',
      ]);
    });

    it('a real-looking secret value, plain or base64', () => {
      expect(checkSecrets(broken((d) => (named<KeyValues>(d, 'Secret', 'billing-secrets')!.stringData!.JWT_SECRET = 'k7Fq2…a-real-secret')))).toHaveLength(1);
      expect(checkSecrets(broken((d) => (named<KeyValues>(d, 'Secret', 'billing-secrets')!.data = { X: Buffer.from('hunter2hunter2').toString('base64') })))).toHaveLength(1);
    });

    it('a service URL to the wrong service, a file not in the kustomization', () => {
      expect(checkServiceUrls(broken((d) => (named<KeyValues>(d, 'ConfigMap', 'billing-config')!.data!.WALLET_URL = 'http://rating:3000')))).toHaveLength(1);
      expect(checkKustomization(kustomization?.resources, [...files, 'pdb.yaml'])).toEqual(['kustomization.yaml does not list pdb.yaml']);
    });
  });
});
