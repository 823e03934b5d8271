// Jest global setup of the `browser` project: builds and starts the product once for the run
// (product.ts). The TypeScript is loaded through @swc-node, as the integration project does.
process.env.SWC_NODE_PROJECT ??= new URL('../../../../../tsconfig.base.json', import.meta.url).pathname;
await import('@swc-node/register/esm-register');

const KEY = Symbol.for('@billing/e2e:browser-product');

export default async function setup() {
  const { rmSync } = await import('node:fs');
  const { SCREENSHOT_DIR } = await import('./portal.ts');
  // this run's screenshots only: a page no longer visited leaves no stale picture behind
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const { startProduct } = await import('./product.ts');
  globalThis[KEY] = await startProduct();
}
