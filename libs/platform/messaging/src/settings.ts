// Defaults shared by both transports, in one place so the two stay alike.
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import type { ConsumeOptions } from './bus.js';
import type { DeliveryPolicy } from './delivery.js';
import { isTransientError, type TransientClassifier } from './transient.js';

export const DEFAULTS = Object.freeze({
  relayBatchSize: 200,
  pollIntervalMs: 1_000,
  maxAttempts: 5,
  maxTransientRetries: 50,
  relayMaxAttemptsPerBatch: 10,
});

export interface DeliveryDefaults {
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  maxTransientRetries?: number;
  isTransient?: TransientClassifier;
}

export function deliveryPolicy(options: Pick<ConsumeOptions, 'maxAttempts' | 'backoff'>, defaults: DeliveryDefaults): DeliveryPolicy {
  return {
    maxAttempts: options.maxAttempts ?? defaults.maxAttempts ?? DEFAULTS.maxAttempts,
    backoff: options.backoff ?? defaults.backoff ?? DEFAULT_BACKOFF,
    maxTransientRetries: defaults.maxTransientRetries ?? DEFAULTS.maxTransientRetries,
    isTransient: defaults.isTransient ?? isTransientError,
  };
}
