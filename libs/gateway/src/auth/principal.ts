// Who is calling: the authenticated principal the guard puts on the request.

export const ROLES = ['admin', 'agent', 'customer', 'switch'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that log in with a username and password (the switch uses its API key). */
export const LOGIN_ROLES = ['admin', 'agent', 'customer'] as const satisfies readonly Role[];
export type LoginRole = (typeof LOGIN_ROLES)[number];

export interface Principal {
  role: Role;
  /** admin: its username; agent: agent id; customer: customer id; switch: `switch`. */
  subjectId: string;
  /** the login name (`switch` for the softswitch). */
  username: string;
}

export const SWITCH_PRINCIPAL: Principal = Object.freeze({ role: 'switch', subjectId: 'switch', username: 'switch' });

/** A stable key for per-caller state (idempotency keys, rate limits): `agent:42`. */
export function principalKey(principal: Principal): string {
  return `${principal.role}:${principal.subjectId}`;
}
