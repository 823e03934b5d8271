// "An agent sees and touches only its own customers; a customer only itself; anything else is
// 404" (docs/API.md). Controllers load the resource, then call assertVisible with its owners.
import { notFound } from '../problem/problem.js';
import type { Principal } from './principal.js';

export interface ResourceOwners {
  /** the agent the resource belongs to (an agent itself: its own id). */
  agentId?: string | undefined;
  /** the customer the resource belongs to, if any. */
  customerId?: string | undefined;
}

/** admin: everything; agent: resources whose agentId is its id; customer: whose customerId is its id; switch: nothing. */
export function canSee(principal: Principal, owners: ResourceOwners): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'agent':
      return owners.agentId !== undefined && owners.agentId === principal.subjectId;
    case 'customer':
      return owners.customerId !== undefined && owners.customerId === principal.subjectId;
    default:
      return false;
  }
}

/**
 * Returns the resource if it exists and the principal may see it; otherwise 404 — the same
 * answer for "does not exist" and "not yours", so ids of other tenants cannot be probed.
 */
export function assertVisible<T>(principal: Principal, resource: T | undefined | null, owners: (resource: T) => ResourceOwners, what = 'resource'): T {
  if (resource === undefined || resource === null || !canSee(principal, owners(resource))) {
    throw notFound(`The ${what} does not exist.`);
  }
  return resource;
}
