// The JSON answers of GET /reports/summary and /reports/customers, for OpenAPI (@ApiResponse
// standardSchema) and so the portal's generated client types them. The controller returns the
// views typed by these schemas' types, so the compiler keeps the two in step.
import { MoneyString } from '@billing/contracts';
import { z } from 'zod';

const Count = z.number().int();
const Minutes = z.string().meta({ description: 'minutes, two decimals', example: '12.50' });
const CountAmount = z.object({ count: Count, amount: MoneyString });

const CallsView = z.object({
  attempts: Count,
  answered: Count,
  unanswered: Count,
  rated: Count,
  unrated: Count,
  asr: z.string().nullable().meta({ description: 'answered / attempts, percent, two decimals; null without attempts' }),
  acdSeconds: z.string().nullable().meta({ description: 'average talk time of answered calls, seconds, two decimals; null without answered calls' }),
  talkSeconds: Count,
  billedSeconds: Count,
  billedMinutes: Minutes,
  revenue: MoneyString,
});

const DestinationView = z.object({ destination: z.string(), calls: Count, billedSeconds: Count, billedMinutes: Minutes, revenue: MoneyString });

const SectionView = z.object({
  deposits: CountAmount.extend({
    toAgents: CountAmount,
    toCustomers: CountAmount,
    bySource: z.object({ manual: CountAmount, card: CountAmount, initial: CountAmount }),
    reversed: CountAmount,
  }),
  transfers: CountAmount,
  commissions: z.object({ accrued: CountAmount, moved: CountAmount, reversed: CountAmount }),
  calls: CallsView,
  topDestinations: z.array(DestinationView),
  lowBalanceCrossings: Count,
  unratedCallsNow: Count.meta({ description: 'calls kept unrated now, whatever their start (not over the range)' }),
  balances: z
    .object({ agentMain: MoneyString.nullable(), agentCommission: MoneyString.nullable(), customers: z.object({ count: Count, total: MoneyString }) })
    .meta({ description: 'now, not over the range; agent balances are null in the ITC-direct section' }),
});

const CustomerScopeView = z.object({
  customerId: z.string(),
  sipUsername: z.string().nullable().meta({ description: "the filter; null = every user's calls" }),
  calls: CallsView,
  topDestinations: z.array(DestinationView),
  bySipUsername: z.array(CallsView.extend({ sipUsername: z.string().nullable() })).optional().meta({ description: 'with groupBy=sipUsername: one row per SIP user, by revenue' }),
});

export const SummaryResponse = z.object({
  from: z.string(),
  to: z.string(),
  topBy: z.enum(['revenue', 'minutes']),
  totals: SectionView.meta({ description: 'everything the caller may see (an agent: its own)' }),
  agents: z.array(SectionView.extend({ agentId: z.string(), name: z.string().nullable() })),
  itcDirect: SectionView.optional().meta({ description: 'admin without an agent filter: customers without an agent, and calls of unknown accounts' }),
  customer: CustomerScopeView.optional().meta({ description: "?customerId=: that customer's calls" }),
});
export type SummaryResponse = z.infer<typeof SummaryResponse>;

const CustomerFigures = z.object({
  calls: Count,
  billedSeconds: Count,
  billedMinutes: Minutes,
  revenue: MoneyString.meta({ description: 'what the customer was charged for its rated calls' }),
  agentCost: MoneyString.nullable().meta({ description: "what those calls cost its agent at the agent's own sheet; null = not known for any of them" }),
  margin: MoneyString.nullable().meta({ description: 'revenue − agentCost over the calls whose agent cost is known; null = none is' }),
  unknownCost: z.object({ calls: Count, revenue: MoneyString }),
});

export const CustomerFiguresResponse = z.object({
  from: z.string(),
  to: z.string(),
  totals: CustomerFigures,
  items: z.array(CustomerFigures.extend({ customerId: z.string(), accountNumber: z.string().nullable(), agentId: z.string().nullable() })),
  nextCursor: z.string().nullable().meta({ description: 'pass as ?cursor= for the next page; null = last page' }),
});
export type CustomerFiguresResponse = z.infer<typeof CustomerFiguresResponse>;

export const SeriesResponse = z.object({
  from: z.string(),
  to: z.string(),
  bucketSeconds: Count,
  asOf: z.string().meta({ description: 'when the figures were read (the database clock)' }),
  position: Count.meta({
    description: "where the figures stand in the reports' projection order: they include every live event (GET /reports/live, its data's `position`) up to it and none after — add the live events whose position is greater, each id once",
  }),
  buckets: z.array(
    z.object({
      start: z.string().meta({ description: "the bucket's start; buckets follow each other from `from`, the last one ends at `to`" }),
      calls: Count.meta({ description: 'rated calls that started in the bucket' }),
      billedSeconds: Count,
      billedMinutes: Minutes,
      revenue: MoneyString,
      deposits: CountAmount,
    }),
  ),
});
export type SeriesResponse = z.infer<typeof SeriesResponse>;
