// Who receives the e-mails of an account holder, as last published by the accounts context
// (a projection of accounts.events.v1: notifications never call accounts for it).
import type { Holder } from '../shared/holder.js';

export interface Recipient {
  holder: Holder;
  email: string | null;
  /** the holder's language tag; agents have none in accounts v1, so they read English. */
  language: string;
  /** customers can turn low-balance mail off; agents cannot (their main balance funds everyone). */
  lowBalanceEmailEnabled: boolean;
  /** agents only. */
  name: string | null;
  /** customers only. */
  accountNumber: string | null;
  /** customers: their agent (null = ITC-direct). */
  agentId: string | null;
}

/** A recipient with what e-mails about it also show: its agent's name. */
export interface RecipientView extends Recipient {
  agentName: string | null;
}
