// Who is calling: the authenticated principal the guard puts on the request.

/** `service`: another process of this product calling an internal route (INTERNAL_SERVICE_KEY). */
export const ROLES = ['admin', 'agent', 'customer', 'switch', 'service'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that log in with a username and password (the switch uses its API key). */
export const LOGIN_ROLES = ['admin', 'agent', 'customer'] as const satisfies readonly Role[];
export type LoginRole = (typeof LOGIN_ROLES)[number];

export interface Principal {
  role: Role;
  /** admin: its username; agent: agent id; customer: customer id; switch: `switch`; service: `service`. */
  subjectId: string;
  /** the login name (`switch` for the softswitch, `service` for another process of the product). */
  username: string;
}

export const SWITCH_PRINCIPAL: Principal = Object.freeze({ role: 'switch', subjectId: 'switch', username: 'switch' });
export const SERVICE_PRINCIPAL: Principal = Object.freeze({ role: 'service', subjectId: 'service', username: 'service' });

/** A stable key for per-caller state (idempotency keys, rate limits): `agent:42`. */
export function principalKey(principal: Principal): string {
  return `${principal.role}:${principal.subjectId}`;
}
