// Who may touch what (docs/API.md: admin everything, an agent itself and its customers, a customer
// only itself, anything else 404) and the ids commands get from the Idempotency-Key.
import { assertVisible, uuidFromName, type IdempotencyContext, type Principal } from '@billing/gateway';
import { randomUUID } from 'node:crypto';
import type { ActorContext } from '../application/ledger.service.js';
import type { CustomerOwner, Directory } from '../infrastructure/directory.js';

export function actorOf(principal: Principal): ActorContext {
  return { actor: `${principal.role}:${principal.subjectId}` };
}

/** 404 unless the principal is an admin or this agent. */
export function assertAgentVisible(principal: Principal, agentId: string): void {
  assertVisible(principal, { agentId }, (agent) => ({ agentId: agent.agentId }), 'agent');
}

/** The customer's owner from the wallet's directory; 404 when unknown or not the principal's. */
export async function visibleCustomer(principal: Principal, directory: Directory, customerId: string): Promise<CustomerOwner> {
  return assertCustomerVisible(principal, await directory.customer(customerId));
}

/** 404 unless the owner is known and the principal may see this customer. */
export function assertCustomerVisible(principal: Principal, owner: CustomerOwner | undefined): CustomerOwner {
  return assertVisible(principal, owner, (customer) => ({ agentId: customer.agentId ?? undefined, customerId: customer.customerId }), 'customer');
}

/**
 * The command's id: derived from the caller's Idempotency-Key and what the request does, so a
 * retry — even after the gateway forgot the key — decides the same id and the ledger dedupes it;
 * a fresh uuid without a key.
 */
export function commandId(idempotency: IdempotencyContext | undefined, purpose: string): string {
  return idempotency === undefined ? randomUUID() : uuidFromName(`${idempotency.scopedKey}|${purpose}`);
}
