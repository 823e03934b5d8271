// Every domain event of the accounts context (event types are unique across its aggregates).
import type { AgentEvent } from './agent/agent.events.js';
import type { BatchEvent } from './batch/batch.events.js';
import type { CustomerProfileEvent } from './customer-profile/customer-profile.events.js';
import type { CustomerEvent } from './customer/customer.events.js';

export type AccountsEvent = AgentEvent | CustomerProfileEvent | CustomerEvent | BatchEvent;
export type AccountsEventType = AccountsEvent['type'];
