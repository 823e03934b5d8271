// Jest global setup: one real PostgreSQL and one real Kafka broker for the whole run
// (docs/ARCHITECTURE.md, Tests order: env var → testcontainers when a Docker engine answers → embedded / local KRaft).
// The TypeScript provisioning code is loaded through @swc-node so it is the same code the app uses.
process.env.SWC_NODE_PROJECT ??= new URL('../../../../tsconfig.base.json', import.meta.url).pathname;
await import('@swc-node/register/esm-register');

export default async function setup() {
  const { provisionTestInfrastructure } = await import('./provision.ts');
  await provisionTestInfrastructure();
}
