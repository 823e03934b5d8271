// Whose call it is. A call names its owner by an account (number or customer id) and/or a SIP
// username. When it names both, they must be one customer: a switch request (or a CDR) whose
// account is one customer's and whose SIP username is another's — or names no customer — cannot
// say who pays, and charging the account holder for a call made by someone else's SIP login is
// exactly the hole to close (issue 12 §3). Such a call is refused (`account_mismatch`), never
// priced for either.

export type OwnerRefusal = 'unknown_account' | 'account_mismatch';

export interface OwnerNames {
  readonly account: string | null;
  readonly sipUsername: string | null;
}

/**
 * `byAccount` / `bySipUsername`: the customer each name resolves to (null: none, or not named).
 * Only the account: its customer. Only the SIP username: its customer. Both: the same customer,
 * else `account_mismatch` (also when one of them names no customer). Neither resolves: `unknown_account`.
 */
export function callOwner<C extends { readonly customerId: string }>(names: OwnerNames, byAccount: C | null, bySipUsername: C | null): C | OwnerRefusal {
  const account = names.account === null ? null : byAccount;
  const sip = names.sipUsername === null ? null : bySipUsername;
  if (names.account !== null && names.sipUsername !== null) {
    if (account === null && sip === null) return 'unknown_account';
    if (account === null || sip === null || account.customerId !== sip.customerId) return 'account_mismatch';
    return account;
  }
  return account ?? sip ?? 'unknown_account';
}
