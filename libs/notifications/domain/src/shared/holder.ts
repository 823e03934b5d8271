// Who a notification is about and addressed to: an account holder of the accounts context.
export type HolderKind = 'customer' | 'agent';

export interface Holder {
  kind: HolderKind;
  id: string;
}

/** `customer:<id>` / `agent:<id>`: one string key for maps, dedupe keys and logs. */
export function holderKey(holder: Holder): string {
  return `${holder.kind}:${holder.id}`;
}
