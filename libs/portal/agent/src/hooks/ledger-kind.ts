// Pure: a ledger line's kind (docs/API.md §7) → its translation key. The wire kinds hold ':'
// (`deposit:initial`), which i18next reads as a namespace separator, so they are keyed with '_'.

/** Every kind a customer's or an agent's ledger line or commission line has (docs/API.md §7). */
export const LEDGER_KINDS = ['deposit:manual', 'deposit:card', 'deposit:initial', 'transfer', 'call', 'reversal', 'commission:deposit', 'commission:transfer', 'commission-reversal', 'commission-transfer'] as const;

/** `deposit:initial` → `kinds.deposit_initial` (agent namespace). */
export function ledgerKindKey(kind: string): string {
  return `kinds.${kind.replace(/:/g, '_')}`;
}

/** What a line refers to, readable: the receipt reference, else its id (a call's, a transfer's); null for an opening deposit without one, whose id `initial-<uuid>` means nothing to a person (its kind reads "Initial balance"). */
export function ledgerReference(line: { kind: string; ref: string | null; reference: string | null }): string | null {
  if (line.reference !== null && line.reference !== '') return line.reference;
  return line.kind === 'deposit:initial' ? null : line.ref;
}
