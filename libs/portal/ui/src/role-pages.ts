import type { SessionStore } from '@billing/portal-session';
import type { ReactNode } from 'react';

/** Translations of one area, one object per language (merged into i18next at boot). */
export interface AreaTranslations {
  /** the i18next namespace (`admin`, `agent`, `customer`). */
  namespace: string;
  en: Record<string, unknown>;
  es: Record<string, unknown>;
}

/** One entry of a role's navbar. */
export interface PortalNavItem {
  /** the full path (`/admin/agents`). */
  to: string;
  /** an i18n key in the area's namespace (`nav.agents`). */
  labelKey: string;
  /** a short text or inline SVG (no icon library). */
  icon?: ReactNode;
  /** active only on this exact path (the role's home). */
  exact?: boolean;
}

/** What a role library gives the shell besides its routes. */
export interface RoleArea {
  /** the i18next namespace of its keys (`admin`). */
  namespace: string;
  /** its translations, loaded (a lazy chunk) before its layout first renders. */
  loadTranslations: () => Promise<{ en: Record<string, unknown>; es: Record<string, unknown> }>;
  nav: readonly PortalNavItem[];
  /** the language saved on the logged-in account (`es`, `es-MX`), if the role has one: the shell switches to it after login. */
  accountLanguage?: (session: SessionStore) => Promise<string | null>;
}
