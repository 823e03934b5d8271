#!/usr/bin/env node
// Runs a TypeScript entry point of this workspace without a build (benchmarks, audit, CLIs):
// registers @swc-node's ESM loader with the workspace tsconfig (path aliases, decorator metadata)
// and imports the file. Usage: node tools/run-ts.mjs <file.ts> [args...]
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
await import('@swc-node/register/esm-register');

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(path.resolve(entry)).href);
