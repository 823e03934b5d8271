// Who made a change, as a person would say it. The API's `actor` is `role:subject` (docs/API.md:
// admin:<username>, agent:<agentId>, customer:<customerId>, switch, service).

/** `common.actor.*` messages: (key, values) → text. */
export type ActorWords = (key: 'itc' | 'agent' | 'anAgent' | 'customer' | 'system', values: Record<string, string>) => string;

export function describeActor(actor: string, words: ActorWords, agentNames: ReadonlyMap<string, string>): string {
  const colon = actor.indexOf(':');
  const role = colon < 0 ? actor : actor.slice(0, colon);
  const subject = colon < 0 ? '' : actor.slice(colon + 1);
  if (role === 'admin') return words('itc', { user: subject });
  if (role === 'agent') {
    const name = agentNames.get(subject);
    return name === undefined ? words('anAgent', {}) : words('agent', { name });
  }
  if (role === 'customer') return words('customer', {});
  if (role === 'switch' || role === 'service') return words('system', {});
  return actor;
}
