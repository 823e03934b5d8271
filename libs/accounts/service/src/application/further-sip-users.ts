// The further SIP users a new account gets from its profile (sipUsersPerAccount − 1), generated
// with the opening and added in the same append: `<account number>-2…n`, each with its own
// password (answered once, like the account's own).
import { furtherSipUsernames, sipUsersPerAccountOf, type CommandMeta, type CustomerCommand, type CustomerProfileState } from '@billing/accounts-domain';
import type { CredentialsGenerator } from './generated-credentials.js';

export interface FurtherSipUser {
  sipUsername: string;
  sipPassword: string;
  sipHa1: string;
}

export function generateFurtherSipUsers(generator: CredentialsGenerator, accountNumber: string, profile: CustomerProfileState): FurtherSipUser[] {
  const count = profile.status === 'none' ? 1 : sipUsersPerAccountOf(profile);
  return furtherSipUsernames(accountNumber, count).map((sipUsername) => ({ sipUsername, ...generator.newSipSecret(sipUsername) }));
}

export function addFurtherSipUsers(customerId: string, users: readonly FurtherSipUser[], meta: CommandMeta): CustomerCommand[] {
  return users.map((user) => ({ type: 'AddSipUser', customerId, sipUsername: user.sipUsername, sipHa1: user.sipHa1, displayName: null, callerId: null, maxConcurrentCalls: null, meta }));
}
