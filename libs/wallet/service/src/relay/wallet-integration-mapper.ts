// The relay's mapper: a stored wallet event → its published v1 integration event (one to one,
// same id, so every consumer's inbox recognises a re-publication). Low-balance crossings go out as
// `wallet.LowBalanceCrossed` here — notifications sends the e-mail from it.
import { integrationEventFrom, type IntegrationEvent } from '@billing/contracts';
import type { RecordedEvent } from '@billing/event-store';
import { toIntegrationEvent, type WalletEvent } from '@billing/wallet-domain';

export function walletIntegrationEvent(recorded: RecordedEvent): IntegrationEvent | null {
  const shape = toIntegrationEvent(recorded.data as WalletEvent);
  return shape === null ? null : integrationEventFrom(recorded, shape);
}
