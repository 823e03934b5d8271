// Compiles apps/ and libs/ TypeScript to ESM JavaScript under dist/ with swc (decorator metadata
// for Nest DI) and rewrites the @billing/* path aliases to relative imports. Type checking is a
// separate step (`npm run typecheck`) so a build stays a few seconds long.
// Then builds the web portal (browser code: apps/portal, libs/portal) with Vite into <outDir>/portal
// and checks its first-load budget (tools/portal-size.mjs).
import { transformFile } from '@swc/core';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkInitialJs, initialJs } from './portal-size.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// BUILD_OUT_DIR: another tree inside the workspace (the e2e suite builds its own, so a running
// `npm start` keeps its dist/); node_modules resolve from any depth below the root.
const outDir = path.resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');
if (!outDir.startsWith(`${root}${path.sep}`)) throw new Error(`BUILD_OUT_DIR must be inside ${root}`);
const tsconfig = JSON.parse(await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(await readFile(path.join(root, '.swcrc'), 'utf8'));
const paths = tsconfig.compilerOptions.paths;

// the portal is browser code (.tsx, DOM): Vite builds it, not the server's swc pass
const browserCode = new Set([path.join(root, 'apps', 'portal'), path.join(root, 'libs', 'portal')]);

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === '__fixtures__' || browserCode.has(full)) continue;
      yield* sources(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const top of ['apps', 'libs']) {
  for await (const file of sources(path.join(root, top))) {
    const { code, map } = await transformFile(file, {
      ...swcrc,
      swcrc: false,
      filename: file,
      jsc: { ...swcrc.jsc, baseUrl: root, paths },
    });
    const rel = path.relative(root, file).replace(/\.ts$/, '.js');
    const target = path.join(outDir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count += 1;
  }
}
console.log(`built ${count} files into ${path.relative(root, outDir)}/`);

const portalEntry = path.join(root, 'apps/portal/src/main.tsx');
if (existsSync(portalEntry)) {
  // BUILD_OUT_DIR is read by the Vite config too, so both halves land in the same tree
  // The product's portal is always the production bundle: a build started from a test run
  // (NODE_ENV=test, Jest's) would otherwise bundle React's development build, 60 kB larger.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const portalDir = path.join(outDir, 'portal');
  const result = await build({ configFile: path.join(root, 'apps/portal/vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: portalDir } });
  const output = (Array.isArray(result) ? result : [result]).flatMap((bundle) => bundle.output);
  for (const line of checkInitialJs(initialJs(output, portalDir))) console.log(line);
  console.log(`built the portal into ${path.relative(root, portalDir)}/`);
} else {
  console.warn(`portal: ${path.relative(root, portalEntry)} does not exist yet; the portal was not built`);
}
