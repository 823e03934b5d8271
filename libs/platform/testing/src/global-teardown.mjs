export default async function teardown() {
  const { teardownTestInfrastructure } = await import('./provision.ts');
  await teardownTestInfrastructure();
}
