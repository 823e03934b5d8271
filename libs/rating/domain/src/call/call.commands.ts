// Commands of a call (stream `call-{callId}`).
import type { CanonicalCdr } from '../cdr/canonical-cdr.js';
import type { CommandMeta } from '../shared/command-meta.js';
import type { CallPricing } from './call-pricing.js';

/** An authorization the service granted (rated destination, wallet hold placed or free call). */
export interface AuthorizeCall {
  readonly type: 'AuthorizeCall';
  readonly callId: string;
  readonly customerId: string;
  readonly agentId: string | null;
  readonly destinationDigits: string;
  readonly prefix: string;
  readonly sheetId: string;
  readonly versionId: string;
  /** the wallet hold (wallet keys holds by callId); null when nothing was held (a free destination). */
  readonly holdId: string | null;
  readonly grantedMicros: bigint;
  readonly maxDurationSeconds: number;
  readonly meta: CommandMeta;
}

/** A CDR arrived: rate it (or keep it unrated / unanswered). */
export interface RecordCdr {
  readonly type: 'RecordCdr';
  readonly cdr: CanonicalCdr;
  readonly pricing: CallPricing;
  readonly meta: CommandMeta;
}

/** Try an unrated call again after its sheet or account was fixed. */
export interface ReRateCall {
  readonly type: 'ReRateCall';
  readonly callId: string;
  readonly pricing: CallPricing;
  readonly meta: CommandMeta;
}

export type CallCommand = AuthorizeCall | RecordCdr | ReRateCall;
