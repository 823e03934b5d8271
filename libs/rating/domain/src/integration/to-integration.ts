// Domain event → the rating context's published v1 contract (libs/contracts/src/rating/v1), at most
// one per domain event, so the envelope reuses the domain event's id (integrationEventFrom). Money
// becomes decimal strings here and nowhere else. Internal events are not published: a sheet's
// creation and markup changes (rating reads its own streams), and authorizations (wallet already
// knows the hold it placed).
import { invariant } from '@billing/decider';
import { RATING_EVENTS_SCHEMA_VERSION, type IntegrationEventShape, type RatingEventDataV1, type RatingEventTypeV1 } from '@billing/contracts';
import { formatMoney, formatPercent } from '@billing/money';
import type { CallRated, CallReRated } from '../call/call.events.js';
import type { RatingEvent } from '../events.js';
import { callStreamId, rateSheetStreamId } from '../shared/ids.js';

export interface RatingIntegrationShape<T extends RatingEventTypeV1 = RatingEventTypeV1> extends IntegrationEventShape {
  readonly type: T;
  readonly data: RatingEventDataV1<T>;
}

export function toIntegrationEvent(event: RatingEvent): RatingIntegrationShape | null {
  switch (event.type) {
    case 'CallRated':
      return shape('rating.CallRated', callStreamId(event.callId), event.occurredAt, ratedData(event));
    case 'CallReRated':
      return shape('rating.CallReRated', callStreamId(event.callId), event.occurredAt, { ...ratedData(event), previousReason: event.previousReason });
    case 'CallUnrated':
      return shape('rating.CallUnrated', callStreamId(event.callId), event.occurredAt, {
        callId: event.callId,
        customerId: event.customerId,
        agentId: event.agentId,
        destination: event.cdr.destination,
        startedAt: event.cdr.startedAt,
        ...hold(event.holdId),
        account: event.cdr.account,
        sipUsername: event.cdr.sipUsername,
        billsec: event.cdr.billsecSeconds,
        reason: event.reason,
      });
    case 'CallUnanswered': {
      const { disposition } = event.cdr;
      invariant(disposition !== 'answered', `unanswered call ${event.callId} with disposition answered`);
      return shape('rating.CallUnanswered', callStreamId(event.callId), event.occurredAt, {
        callId: event.callId,
        customerId: event.customerId,
        agentId: event.agentId,
        destination: event.cdr.destination,
        startedAt: event.cdr.startedAt,
        ...hold(event.holdId),
        disposition,
        sipUsername: event.cdr.sipUsername,
        // absent on calls recorded before the destination was kept: unknown, so not published
        ...(event.destinationName === undefined ? {} : { destinationName: event.destinationName, prefix: event.prefix ?? null }),
      });
    }
    case 'RateSheetVersionImported':
      return shape('rating.RateSheetVersionImported', rateSheetStreamId(event.sheetId), event.occurredAt, {
        sheetId: event.sheetId,
        versionId: event.versionId,
        effectiveFrom: event.effectiveFrom,
        rowCount: event.rowCount,
        contentHash: event.contentHash,
        rounding: { decimals: event.rounding.decimals, mode: event.rounding.mode },
        actor: event.actor,
      });
    case 'DerivedSheetCreated':
      return shape('rating.DerivedSheetCreated', rateSheetStreamId(event.sheetId), event.occurredAt, {
        sheetId: event.sheetId,
        name: event.name,
        baseSheetId: event.baseSheetId,
        markupPercent: formatPercent(event.markupMicroPercent),
        ownerAgentId: event.ownerAgentId ?? null,
        actor: event.actor,
      });
    case 'BaseSheetCreated':
    case 'MarkupChanged':
    case 'CallAuthorized':
      return null;
  }
}

function ratedData(event: CallRated | CallReRated): RatingEventDataV1<'rating.CallRated'> {
  return {
    callId: event.callId,
    customerId: event.customerId,
    agentId: event.agentId,
    destination: event.destinationDigits,
    destinationName: event.destinationName,
    prefix: event.prefix,
    startedAt: event.cdr.startedAt,
    billsec: event.cdr.billsecSeconds,
    billedSeconds: event.billedSeconds,
    cost: formatMoney(event.costMicros),
    sheetId: event.sheetId,
    versionId: event.versionId,
    ...hold(event.holdId),
    // absent on calls rated before the agent's cost was recorded (consumers: unknown, not 0)
    ...(event.agentCostMicros === undefined ? {} : { agentCost: event.agentCostMicros === null ? null : formatMoney(event.agentCostMicros) }),
    // reports group a customer's calls by the SIP user that made them
    sipUsername: event.cdr.sipUsername,
  };
}

function hold(holdId: string | null): { holdId?: string } {
  return holdId === null ? {} : { holdId };
}

function shape<T extends RatingEventTypeV1>(type: T, aggregateId: string, occurredAt: string, data: RatingEventDataV1<T>): RatingIntegrationShape<T> {
  return { type, schemaVersion: RATING_EVENTS_SCHEMA_VERSION, aggregateId, occurredAt, data };
}
