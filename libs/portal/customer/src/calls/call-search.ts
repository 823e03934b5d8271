// The call history's filters as URL search params (validated by the route) and as the API's query.
// Dates are calendar days in the browser's time zone: a day runs from its local midnight to the
// next one, so "to" becomes the next day's local midnight (the API's `to` is exclusive).

export const CALL_STATUSES = ['rated', 'unrated', 'unanswered'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CallSearch {
  /** YYYY-MM-DD, a day in the browser's time zone. */
  from?: string;
  to?: string;
  /** digits the dialled number starts with. */
  destination?: string;
  status?: CallStatus;
  /** the SIP user the calls named (docs/API.md §6b); absent = every call of the account. */
  sip?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS = /^\d{1,20}$/;
/** the calls list's `sipUsername` (1–64 characters); the API answers no calls for one the account never had. */
const SIP_USERNAME_MAX = 64;

function isDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (match === null) return false;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // 2026-02-31 rolls over into March: not a day.
  return date.getMonth() === Number(match[2]) - 1 && date.getDate() === Number(match[3]);
}

/** What a person may type as a destination filter ("+44 20", "0044") → its digits, or null. */
export function destinationDigits(text: string): string | null {
  const compact = text.replace(/[\s().-]/g, '');
  const digits = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : compact;
  return DIGITS.test(digits) ? digits : null;
}

/** The route's validateSearch: unknown or malformed params are dropped, never thrown. */
export function validateCallSearch(search: Record<string, unknown>): CallSearch {
  const result: CallSearch = {};
  if (isDay(search['from'])) result.from = search['from'];
  if (isDay(search['to'])) result.to = search['to'];
  const destination = search['destination'];
  if (typeof destination === 'string' || typeof destination === 'number') {
    const digits = destinationDigits(String(destination));
    if (digits !== null) result.destination = digits;
  }
  const status = search['status'];
  if (typeof status === 'string' && (CALL_STATUSES as readonly string[]).includes(status)) result.status = status as CallStatus;
  const sip = search['sip'];
  if (typeof sip === 'string' || typeof sip === 'number') {
    const username = String(sip).trim();
    if (username !== '' && username.length <= SIP_USERNAME_MAX) result.sip = username;
  }
  return result;
}

/** The local midnight that starts `day` (YYYY-MM-DD), `plusDays` later, as a UTC instant. */
function localMidnight(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map((part) => Number.parseInt(part, 10)) as [number, number, number];
  return new Date(year, month - 1, date + plusDays).toISOString();
}

export interface CallsApiQuery {
  from?: string;
  to?: string;
  destination?: string;
  status?: CallStatus;
  sipUsername?: string;
}

/** The filters → GET /customers/{id}/calls query (instants in UTC; `to` exclusive). */
export function callsApiQuery(search: CallSearch): CallsApiQuery {
  const query: CallsApiQuery = {};
  if (search.from !== undefined) query.from = localMidnight(search.from);
  if (search.to !== undefined) query.to = localMidnight(search.to, 1);
  if (search.destination !== undefined) query.destination = search.destination;
  if (search.status !== undefined) query.status = search.status;
  if (search.sip !== undefined) query.sipUsername = search.sip;
  return query;
}

/** The browser's time zone name ("Europe/Lisbon"), shown next to the dates. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
