import { ProblemError, useSession } from '@billing/portal-session';
import { useQueryClient } from '@tanstack/react-query';
import { deckRequest, type DeckForm } from './deck-request.js';
import { sheetKeys, type DeckPreview, type SheetWithRows } from './sheet-wire.js';
import { useGuardedMutation } from '@billing/portal-ui';

/** A deck the page could not turn into a request (empty, broken JSON): its i18n key. */
export class DeckFormError extends Error {
  constructor(readonly reason: 'empty' | 'invalid_json' | 'no_rows') {
    super(reason);
  }
}

async function send<T>(authFetch: (path: string, init?: RequestInit) => Promise<Response>, form: DeckForm, sheetId: string | null, dryRun: boolean): Promise<T> {
  const request = deckRequest(form, sheetId, dryRun);
  if (!request.ok) throw new DeckFormError(request.reason);
  const response = await authFetch(request.path, request.init);
  if (!response.ok) throw await ProblemError.fromResponse(response);
  return (await response.json()) as T;
}

/** The preview (dryRun: nothing stored) and the import of the same deck. */
export function useDeckImport(sheetId: string | null) {
  const { authFetch } = useSession();
  const queryClient = useQueryClient();
  const preview = useGuardedMutation({ mutationFn: (form: DeckForm) => send<DeckPreview>(authFetch, form, sheetId, true) });
  const commit = useGuardedMutation({
    mutationFn: (form: DeckForm) => send<SheetWithRows & { imported: { versionId: string; rowCount: number } }>(authFetch, form, sheetId, false),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sheetKeys.all }),
  });
  return { preview, commit };
}
