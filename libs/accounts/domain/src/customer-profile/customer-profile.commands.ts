import type { CommandMeta } from '../shared/command-meta.js';
import type { ProfileTerms } from '../terms/billing-terms.js';
import type { SetProfileFeatures } from '../features/features.types.js';
import type { SetProfileSipUsers } from '../sip-user/profile-sip-users.js';

/** A template for opening customers. `ownerAgentId` null = an ITC profile, usable for every agent. */
export interface CreateCustomerProfile extends ProfileTerms {
  type: 'CreateCustomerProfile';
  profileId: string;
  ownerAgentId: string | null;
  name: string;
  meta: CommandMeta;
}

/**
 * Absent fields stay as they are (PATCH). Switching to prepaid without a credit limit in the
 * changes drops the old limit; switching to postpaid needs one. The owner never changes.
 */
export interface UpdateCustomerProfile {
  type: 'UpdateCustomerProfile';
  profileId: string;
  changes: Partial<ProfileTerms & { name: string }>;
  meta: CommandMeta;
}

/** No new customers from it; existing customers keep what they copied. */
export interface ArchiveCustomerProfile {
  type: 'ArchiveCustomerProfile';
  profileId: string;
  meta: CommandMeta;
}

export type CustomerProfileCommand = CreateCustomerProfile | UpdateCustomerProfile | ArchiveCustomerProfile | SetProfileFeatures | SetProfileSipUsers;
