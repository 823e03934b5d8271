// Every admin folder keeps its keys in its own i18n/{en,es}.json, under the folder's name
// (`agents.title`, `sheets.import.title`), so two people never edit one translation file. This
// module is a lazy chunk (index.ts imports it only when the admin layout first renders): add a
// folder's two files here.
import commonEn from './i18n/en.json';
import commonEs from './i18n/es.json';
import dashboardEn from './dashboard/i18n/en.json';
import dashboardEs from './dashboard/i18n/es.json';
import agentsEn from './agents/i18n/en.json';
import agentsEs from './agents/i18n/es.json';
import notificationsEn from './notifications/i18n/en.json';
import notificationsEs from './notifications/i18n/es.json';
import auditEn from './audit/i18n/en.json';
import auditEs from './audit/i18n/es.json';
import sheetsEn from './sheets/i18n/en.json';
import sheetsEs from './sheets/i18n/es.json';
import profilesEn from './profiles/i18n/en.json';
import profilesEs from './profiles/i18n/es.json';
import customersEn from './customers/i18n/en.json';
import customersEs from './customers/i18n/es.json';
import callsEn from './calls/i18n/en.json';
import callsEs from './calls/i18n/es.json';

type Keys = Record<string, unknown>;

const folders: ReadonlyArray<{ en: Keys; es: Keys }> = [
  { en: commonEn, es: commonEs },
  { en: dashboardEn, es: dashboardEs },
  { en: agentsEn, es: agentsEs },
  { en: notificationsEn, es: notificationsEs },
  { en: auditEn, es: auditEs },
  { en: sheetsEn, es: sheetsEs },
  { en: profilesEn, es: profilesEs },
  { en: customersEn, es: customersEs },
  { en: callsEn, es: callsEs },
];

/** The admin namespace: the folders' top-level keys side by side (each folder owns its own). */
export const adminTranslations = {
  en: Object.assign({}, ...folders.map((folder) => folder.en)) as Keys,
  es: Object.assign({}, ...folders.map((folder) => folder.es)) as Keys,
};
