// Which failures are the infrastructure's fault rather than the message's. A message must not be
// dead-lettered because the database restarted: such failures are retried without counting as
// attempts (still bounded, see delivery.ts). Codes are matched structurally so this lib stays free
// of `pg` imports.

const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P']; // connection, resources, operator intervention
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01']); // serialization failure, deadlock
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export type TransientClassifier = (error: unknown) => boolean;

export const isTransientError: TransientClassifier = (error) => {
  // Follow `cause` a bounded number of steps: wrappers must not hide a connection failure.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code)) return true;
      if (code.length === 5 && TRANSIENT_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
    }
    if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(current.message)) {
      return true;
    }
    current = current.cause;
  }
  return false;
};
