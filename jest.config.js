// One Jest run for the whole workspace, in ESM mode (NestJS 12 is ESM-only).
// `unit` = *.spec.ts without I/O; `integration` = *.int.spec.ts and apps/e2e against the real
// PostgreSQL and Kafka that libs/platform/testing provisions once per run (global setup);
// `browser` = apps/e2e/src/browser/*.browser.spec.ts, the portal in Chromium (playwright-core).
import { readFileSync } from 'node:fs';

const { compilerOptions } = JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8'));
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

export default {
  // integration tests start services and wait on real I/O; unit tests never get near this bound.
  testTimeout: 120000,
  // ESM mode keeps part of every file's module graph alive (vm modules): run in one process, the whole
  // suite grew to ~7.5 GB RSS, near the 8 GiB heap tools/test.mjs gives (a CI run before that died "heap
  // out of memory" at 4 GiB). With a limit Jest runs the files in a worker (still one on 2 cores) and
  // starts a fresh one after a file that leaves it above the limit: memory stays bounded as the suite grows.
  workerIdleMemoryLimit: '1.5GB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/', '<rootDir>/apps/e2e/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/platform/testing/src/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/platform/testing/src/global-teardown.mjs',
    },
    {
      // the portal in the system's Chromium against the real product, built and started once
      // (standalone, embedded PostgreSQL) by this project's global setup
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/e2e/src/browser/**/*.browser.spec.ts'],
      globalSetup: '<rootDir>/apps/e2e/src/browser/__fixtures__/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/e2e/src/browser/__fixtures__/global-teardown.mjs',
    },
  ],
};
