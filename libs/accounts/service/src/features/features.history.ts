// A customer's feature sets over time, from its own history (the accounts audit trail: each event
// records who and when): the set it was opened with, then every change ITC made.
import { customerStreamId, DEFAULT_FEATURES, pickFeatures, type CustomerFeatures } from '@billing/accounts-domain';
import { z } from 'zod';
import type { AccountsAggregates } from '../infrastructure/aggregates.js';
import { featuresView, FeaturesView } from './features.views.js';

export const FeatureChangeView = z.object({
  effectiveFrom: z.string().meta({ description: 'ISO 8601: calls starting at or after it are judged by this set' }),
  actor: z.string().meta({ description: 'who assigned it (admin:…, or who opened the customer)', examples: ['admin:admin'] }),
  features: FeaturesView,
});
export type FeatureChangeView = z.infer<typeof FeatureChangeView>;
export const FeatureHistoryView = z.object({ items: z.array(FeatureChangeView).meta({ description: 'oldest first: the opening set, then every change' }) });
export type FeatureHistoryView = z.infer<typeof FeatureHistoryView>;

/** Customer streams are short; they are read in pages so one request never loads an unbounded batch. */
const PAGE = 500;

export async function featureHistory(aggregates: AccountsAggregates, customerId: string): Promise<FeatureChangeView[]> {
  const items: FeatureChangeView[] = [];
  for (let from = 0; ; from += PAGE) {
    const page = await aggregates.events(customerStreamId(customerId), from, PAGE);
    for (const { event } of page) {
      if (event.type === 'CustomerOpened') items.push(entry(event.occurredAt, event.actor, event.features ?? DEFAULT_FEATURES));
      if (event.type === 'CustomerFeaturesChanged') items.push(entry(event.occurredAt, event.actor, pickFeatures(event)));
    }
    if (page.length < PAGE) return items;
  }
}

function entry(effectiveFrom: string, actor: string, features: CustomerFeatures): FeatureChangeView {
  return { effectiveFrom, actor, features: featuresView(pickFeatures(features)) };
}
