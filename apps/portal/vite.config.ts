// The portal's build (`npm run build` / `npm start` run it through tools/build.mjs) and dev server
// (`npx vite --config apps/portal/vite.config.ts`, /api proxied to the product on :3000).
// The gateway serves the output at / under a strict CSP: no inline script, so nothing is inlined.
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postcssPresetMantine from 'postcss-preset-mantine';
import postcssSimpleVars from 'postcss-simple-vars';
import { defineConfig, type Alias } from 'vite';

const appDir = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.resolve(appDir, '../..');

/** The @billing/portal-* path aliases of tsconfig.base.json, so the build resolves what tsc checks. */
function portalAliases(): Alias[] {
  const { compilerOptions } = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.entries(compilerOptions.paths)
    .filter(([name]) => name.startsWith('@billing/portal-'))
    .map(([name, [target]]) => ({ find: new RegExp(`^${name}$`), replacement: path.join(workspaceRoot, target!) }));
}

/** `<BUILD_OUT_DIR or dist>/portal` at the workspace root, next to the server build. */
export const portalOutDir = path.resolve(workspaceRoot, process.env['BUILD_OUT_DIR'] ?? 'dist', 'portal');

// where the dev server sends /api and /health (the product: `npm start`)
const apiTarget = process.env['PORTAL_API_URL'] ?? 'http://localhost:3000';

export default defineConfig({
  root: appDir,
  base: '/',
  plugins: [react()],
  resolve: { alias: portalAliases() },
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        // Mantine's breakpoints, for `$mantine-breakpoint-*` in the portal's CSS modules
        postcssSimpleVars({ variables: { 'mantine-breakpoint-xs': '36em', 'mantine-breakpoint-sm': '48em', 'mantine-breakpoint-md': '62em', 'mantine-breakpoint-lg': '75em', 'mantine-breakpoint-xl': '88em' } }),
      ],
    },
  },
  build: {
    outDir: portalOutDir,
    emptyOutDir: true,
    // inlined assets become data: URLs the CSP would have to allow; every asset is a file
    assetsInlineLimit: 0,
    sourcemap: true,
    // the role libs are lazy-loaded by the shell (import()), so each is its own chunk and the login
    // page loads only the shell; tools/portal-size.mjs holds that initial JS under its budget
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
});
