// Where the built portal is: PORTAL_DIR, else `<build output>/portal` next to `<build output>/apps`,
// found from the running entry file (`dist/apps/<app>/src/main.js` → `dist/portal`), so it holds
// whatever the working directory and BUILD_OUT_DIR were.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GatewayConfig } from '../config/gateway-config.js';

/** `entryUrl`: the entry point's `import.meta.url`. */
export function defaultPortalDir(entryUrl: string): string {
  return path.resolve(path.dirname(fileURLToPath(entryUrl)), '..', '..', '..', 'portal');
}

export function portalDirFor(config: Pick<GatewayConfig, 'portalDir'>, entryUrl: string): string {
  return config.portalDir ?? defaultPortalDir(entryUrl);
}
