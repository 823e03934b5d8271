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
 * One call in two lines: when and cost; the number dialled, where and through which SIP user,
 * duration and status. The date and time have a line of their own with the cost, so a long one
 * ("12/12/26, 12:48 PM") is never cut. `stacked` (a phone) moves where and the SIP user to a third
 * line of their own, so the place name is read whole instead of given way to the number beside it.
 * Memoised: while scrolling, the rows already in view are not rendered again.
 */
export const CallRow = memo(function CallRow({ call, currency, formatTime, stacked = false }: { call: Call; currency: string; formatTime: (instant: string) => string; stacked?: boolean }) {
  const { t, i18n } = useTranslation('customer');
  const place = call.destinationName ?? t('calls.unknownDestination');
  const where = call.sipUsername === null ? place : `${place} · ${call.sipUsername}`;
  return (
    <>
      <div className={classes.line}>
        <time className={classes.when} dateTime={call.startedAt}>{formatTime(call.startedAt)}</time>
        <span className={classes.cost}>{call.status === 'rated' ? formatMoney(call.cost, currency, i18n.language) : '—'}</span>
      </div>
      <div className={classes.line}>
        <span className={classes.sub}>
          <span className={classes.number}>{call.destination}</span>
          {!stacked && <span className={classes.where}>{`· ${where}`}</span>}
        </span>
        <span className={classes.meta}>
          <span title={t('calls.duration')}>{formatDuration(call.billsec)}</span>
          <span className={`${classes.status} ${classes[call.status]}`}>{t(`calls.statuses.${call.status}`)}</span>
        </span>
      </div>
      {stacked && (
        <div className={classes.line}>
          <span className={classes.placeLine}>{where}</span>
        </div>
      )}
    </>
  );
});
