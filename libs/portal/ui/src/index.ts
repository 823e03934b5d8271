export { compareMoney, formatMoney, groupDigits, MONEY_DECIMALS, normaliseMoney, parseMoneyInput, toMicroUnits, type FormatMoneyOptions } from './money.js';
export { MoneyText, type MoneyTextProps } from './MoneyText.js';
export { MoneyInput, type MoneyInputProps } from './MoneyInput.js';
export { fieldFromPointer, problemFieldErrors, problemOf } from './problem.js';
export { useProblemFields } from './use-problem-fields.js';
export { ProblemAlert, type ProblemAlertProps } from './ProblemAlert.js';
export { DataTable, type DataTableColumn, type DataTableProps } from './DataTable.js';
export { DateRangeFilter, type DateRange, type DateRangeFilterProps } from './DateRangeFilter.js';
export { useLiveEvents, LIVE_EVENT_TYPES, type LiveEvent, type LiveEventsOptions } from './use-live-events.js';
export { downloadCsv } from './download-csv.js';
export type { AreaTranslations, PortalNavItem, RoleArea } from './role-pages.js';
import en from './i18n/en.json';
import es from './i18n/es.json';
import type { AreaTranslations } from './role-pages.js';

export const uiTranslations: AreaTranslations = { namespace: 'ui', en, es };
export { usePortalConfig, type PortalConfig } from './use-portal-config.js';
export { useSubmitOnce } from './use-submit-once.js';
export { useGuardedMutation } from './use-guarded-mutation.js';
