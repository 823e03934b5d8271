import { formatMoney } from '@billing/portal-ui';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../shared/customer-api.js';
import classes from './CallRow.module.css';

/** "125" → "2:05". */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes}:${rest < 10 ? '0' : ''}${rest}`;
}

/**
 * One call in two lines (fits a 390 px phone whole): when and cost; the number dialled, where and
 * through which SIP user, duration and status. The date and time have a line of their own with the
 * cost, so a long one ("12/12/26, 12:48 PM") is never cut; only the place name gives way.
 * Memoised: while scrolling, the rows already in view are not rendered again.
 */
export const CallRow = memo(function CallRow({ call, currency, formatTime }: { call: Call; currency: string; formatTime: (instant: string) => string }) {
  const { t, i18n } = useTranslation('customer');
  return (
    <>
      <div className={classes.line}>
        <time className={classes.when} dateTime={call.startedAt}>{formatTime(call.startedAt)}</time>
        <span className={classes.cost}>{call.status === 'rated' ? formatMoney(call.cost, currency, i18n.language) : '—'}</span>
      </div>
      <div className={classes.line}>
        <span className={classes.sub}>
          <span className={classes.number}>{call.destination}</span>
          <span className={classes.where}>
            {'· '}
            {call.destinationName ?? t('calls.unknownDestination')}
            {call.sipUsername !== null && ` · ${call.sipUsername}`}
          </span>
        </span>
        <span className={classes.meta}>
          <span title={t('calls.duration')}>{formatDuration(call.billsec)}</span>
          <span className={`${classes.status} ${classes[call.status]}`}>{t(`calls.statuses.${call.status}`)}</span>
        </span>
      </div>
    </>
  );
});
