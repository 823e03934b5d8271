// Query strings of the reports routes (strict: unknown parameters are a 400).
import { z } from 'zod';

const DateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset',
});
const AgentId = z.string().min(1).max(128);

export const TOP_DESTINATIONS = 10;

export const SummaryQuery = z
  .strictObject({
  /** a date = from that day's 00:00 UTC; an instant as is. Default: today (UTC). */
  from: DateOrInstant.optional(),
  /** exclusive; a date = to the end of that day (UTC). Default: the end of today, or of `from`'s day when `from` is later. */
  to: DateOrInstant.optional(),
  /** admin: only this agent; agent: its own id or nothing. */
  agentId: AgentId.optional(),
  /** how top destinations are ranked. */
  topBy: z.enum(['revenue', 'minutes']).default('revenue'),
  /** one customer's calls in the answer's `customer` (admin: any; agent: its own, else 404). */
  customerId: z.string().min(1).max(128).optional(),
  /** with customerId: only the calls this SIP user made. */
  sipUsername: z.string().min(1).max(128).optional(),
  /** with customerId: `customer.bySipUsername`, one row per SIP user. */
  groupBy: z.enum(['sipUsername']).optional(),
  })
  .refine((query) => query.customerId !== undefined || (query.sipUsername === undefined && query.groupBy === undefined), {
    message: 'is required with sipUsername or groupBy (SIP users are a customer\'s)',
    path: ['customerId'],
  });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const CustomerFiguresQuery = z.strictObject({
  /** as the summary's: a date = that UTC day; default today. */
  from: DateOrInstant.optional(),
  to: DateOrInstant.optional(),
  /** admin: only this agent's customers (`itc` = ITC-direct); agent: its own id or nothing. */
  agentId: AgentId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(400).optional(),
});
export type CustomerFiguresQuery = z.infer<typeof CustomerFiguresQuery>;

export const SeriesQuery = z.strictObject({
  /** as the summary's: a date = that UTC day (from its start, to its end); an instant as is; default today. */
  from: DateOrInstant.optional(),
  to: DateOrInstant.optional(),
  /** admin: only this agent; agent: its own id or nothing. */
  agentId: AgentId.optional(),
  /** the buckets' length, counted from `from`: a minute (default) to a day. */
  bucketSeconds: z.coerce.number().int().min(60).max(86_400).default(60),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const LiveQuery = z.strictObject({
  /** admin: only this agent's events; agent: its own id or nothing. */
  agentId: AgentId.optional(),
  /** a single-use stream ticket for clients that cannot send headers (EventSource); redeemed by the gateway's guard. */
  ticket: z.string().min(1).max(200).optional(),
  /** resume after this event id (EventSource sends it as the Last-Event-ID header on reconnects; the header wins). */
  lastEventId: z.string().min(1).max(200).optional(),
});
export type LiveQuery = z.infer<typeof LiveQuery>;

export const StreamTicketView = z.strictObject({
  ticket: z.string(),
  expiresInSeconds: z.number().int(),
  expiresAt: z.string(),
  /** the feed's path with the ticket, to open as is (EventSource). */
  streamPath: z.string(),
});
export type StreamTicketView = z.infer<typeof StreamTicketView>;
