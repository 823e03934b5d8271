// Vitest runs the portal's component and unit tests (`*.test.ts(x)` under apps/portal and
// libs/portal) in jsdom with the portal's own Vite config (aliases, React). Jest keeps `*.spec.ts`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import portal from './apps/portal/vite.config.ts';

const workspaceRoot = path.dirname(fileURLToPath(import.meta.url));

export default mergeConfig(
  portal,
  defineConfig({
    test: {
      dir: workspaceRoot,
      include: ['apps/portal/**/*.test.{ts,tsx}', 'libs/portal/**/*.test.{ts,tsx}'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      environment: 'jsdom',
      setupFiles: [path.join(workspaceRoot, 'apps/portal/vitest.setup.ts')],
      restoreMocks: true,
    },
  }),
);
