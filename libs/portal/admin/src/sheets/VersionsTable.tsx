import { DataTable } from '@billing/portal-ui';
import { Anchor} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SheetVersion } from './sheet-wire.js';
import { StatusBadge } from '../shared/StatusBadge.js';

/** A sheet's versions with their effective times; a version's name shows its rows. */
export function VersionsTable({ sheetId, versions, shown }: { sheetId: string; versions: readonly SheetVersion[]; shown: string | null }) {
  const { t, i18n } = useTranslation('admin');
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <DataTable<SheetVersion>
      caption={t('sheets.versions.title')}
      rows={versions}
      rowKey={(version) => version.versionId}
      minWidth={560}
      columns={[
        {
          key: 'effectiveFrom',
          header: t('sheets.versions.effectiveFrom'),
          render: (version) =>
            version.versionId === shown ? (
              <strong>{time(version.effectiveFrom)}</strong>
            ) : (
              <Anchor aria-label={t('sheets.versions.show', { at: time(version.effectiveFrom) })} renderRoot={(props) => <Link {...props} to="/admin/sheets/$sheetId" params={{ sheetId }} search={{ version: version.versionId }} />}>
                {time(version.effectiveFrom)}
              </Anchor>
            ),
        },
        { key: 'inForce', header: t('sheets.versions.status'), render: (version) => (version.inForce ? <StatusBadge color="green">{t('sheets.versions.inForce')}</StatusBadge> : new Date(version.effectiveFrom) > new Date() ? t('sheets.versions.future') : t('sheets.versions.past')) },
        { key: 'rows', header: t('sheets.versions.rowCount'), render: (version) => count.format(version.rowCount), align: 'right' },
        { key: 'rounding', header: t('sheets.versions.rounding'), render: (version) => `${version.rounding.decimals} · ${t(`sheets.mode.${version.rounding.mode}`)}` },
        { key: 'importedAt', header: t('sheets.versions.importedAt'), render: (version) => time(version.importedAt) },
      ]}
    />
  );
}
