import type { RoleArea } from '@billing/portal-ui';
import i18next from 'i18next';

const loaded = new Map<string, Promise<void>>();

/** Adds a role area's translations to i18next once (before its layout renders). */
export function ensureAreaTranslations(area: RoleArea): Promise<void> {
  let done = loaded.get(area.namespace);
  if (done === undefined) {
    done = area.loadTranslations().then(({ en, es }) => {
      i18next.addResourceBundle('en', area.namespace, en, true, true);
      i18next.addResourceBundle('es', area.namespace, es, true, true);
    });
    done.catch(() => loaded.delete(area.namespace));
    loaded.set(area.namespace, done);
  }
  return done;
}
