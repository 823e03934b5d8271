// `npm run portal:client`: regenerates the portal's API types after a route or its OpenAPI
// decorators changed (the schema spec tells you when).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { portalSchemaSource, SCHEMA_FILE } from './schema-source.js';

await writeFile(SCHEMA_FILE, await portalSchemaSource());
console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
