import type { CallStatus, CustomerSearch } from '../search.js';

export interface CallQuery {
  from?: string;
  to?: string;
  destination?: string;
  status?: CallStatus;
  sipUsername?: string;
}

/** The day after a YYYY-MM-DD (UTC), so "to" includes its whole day. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The URL's call filters → the API's query (UTC days → instants; "to" is the end of its day). */
export function callQuery(search: CustomerSearch): CallQuery {
  const query: CallQuery = {};
  if (search.from !== undefined) query.from = `${search.from}T00:00:00Z`;
  if (search.to !== undefined) query.to = `${nextDay(search.to)}T00:00:00Z`;
  if (search.destination !== undefined) query.destination = search.destination;
  if (search.callStatus !== undefined) query.status = search.callStatus;
  if (search.sip !== undefined) query.sipUsername = search.sip;
  return query;
}

/** The CSV export's path for the same filters (the token goes in a header, never here). */
export function callsCsvPath(customerId: string, query: CallQuery): string {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  return `/api/v1/customers/${encodeURIComponent(customerId)}/calls?${params.toString()}`;
}
