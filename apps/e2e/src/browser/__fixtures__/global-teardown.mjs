// Stops the product the global setup started and removes its build and data (same process).
const KEY = Symbol.for('@billing/e2e:browser-product');

export default async function teardown() {
  const product = globalThis[KEY];
  delete globalThis[KEY];
  await product?.stop();
}
