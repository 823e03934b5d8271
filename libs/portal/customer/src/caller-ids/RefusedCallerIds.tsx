import { Alert, Stack } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RefusedCallerIds {
  /** the refused numbers not dismissed yet, oldest first */
  numbers: string[];
  /** a `caller-ids` refusal from the live feed */
  refused: (callerId: string) => void;
  /** the customer withdraws its own pending number: the feed reports that as a refusal too */
  withdrawing: (callerId: string) => void;
  /** the withdrawal was refused (the agent refused the number at the same moment): its refusal is told again */
  withdrawFailed: (callerId: string) => void;
  dismiss: (callerId: string) => void;
}

/**
 * The CallerIDs refused while the page is open. The feed does not say who refused a number, so one
 * the customer withdrew from this page is not announced as refused.
 */
export function useRefusedCallerIds(): RefusedCallerIds {
  const [numbers, setNumbers] = useState<string[]>([]);
  const withdrawn = useRef(new Set<string>());
  const refused = useCallback((callerId: string) => {
    if (withdrawn.current.delete(callerId)) return;
    setNumbers((shown) => (shown.includes(callerId) ? shown : [...shown, callerId]));
  }, []);
  const withdrawing = useCallback((callerId: string) => {
    withdrawn.current.add(callerId);
  }, []);
  const withdrawFailed = useCallback((callerId: string) => {
    withdrawn.current.delete(callerId);
  }, []);
  const dismiss = useCallback((callerId: string) => setNumbers((shown) => shown.filter((number) => number !== callerId)), []);
  return { numbers, refused, withdrawing, withdrawFailed, dismiss };
}

/** One dismissible notice per refused CallerID: without it the number just vanished from the list. */
export function RefusedCallerIdNotices({ numbers, dismiss }: Pick<RefusedCallerIds, 'numbers' | 'dismiss'>) {
  const { t } = useTranslation('customer');
  if (numbers.length === 0) return null;
  return (
    <Stack gap="xs">
      {numbers.map((number) => (
        <Alert key={number} color="red" variant="light" role="status" title={t('callerIds.refusedTitle')} withCloseButton closeButtonLabel={t('callerIds.dismiss')} onClose={() => dismiss(number)}>
          {t('callerIds.refused', { number })}
        </Alert>
      ))}
    </Stack>
  );
}
