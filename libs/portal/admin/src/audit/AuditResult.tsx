import { MoneyText } from '@billing/portal-ui';
import { Alert, List, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../shared/DateTime.js';
import { problemLines, type AuditRun } from './audit-wire.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** One audit run: balanced or the differences it named, its counts and its full report. */
export function AuditResult({ run, currency }: { run: AuditRun; currency: string | null }) {
  const { t, i18n } = useTranslation('admin');
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const differences = problemLines(run.report);
  return (
    <Stack gap="sm">
      {run.ok ? (
        <Alert color="teal" variant="light" title={t('audit.run.ok')} role="status">
          {t('audit.run.okBody')}
        </Alert>
      ) : (
        <Alert color="red" variant="light" title={t('audit.run.failed', { count: run.problems })} role="alert">
          <List size="sm" spacing={2} style={{ overflowWrap: 'anywhere' }}>
            {differences.map((line, index) => (
              <List.Item key={index}>{line}</List.Item>
            ))}
          </List>
          {differences.length < run.problems && <Text size="sm">{t('audit.run.more', { count: run.problems - differences.length })}</Text>}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" component="dl" style={{ margin: 0 }}>
        <Fact label={t('audit.run.checkedAt')}>
          <DateTime at={run.checkedAt} />
        </Fact>
        <Fact label={t('audit.run.events')}>{count(run.eventCount)}</Fact>
        <Fact label={t('audit.run.postings')}>{count(run.postingCount)}</Fact>
        <Fact label={t('audit.run.postingsTotal')}>{currency === null ? run.postingsTotal : <MoneyText amount={run.postingsTotal} currency={currency} colorNegative />}</Fact>
        <Fact label={t('audit.run.accounts')}>{count(run.accounts)}</Fact>
        <Fact label={t('audit.run.duration')}>{t('audit.run.ms', { value: count(run.durationMs) })}</Fact>
      </SimpleGrid>
      <Text size="sm" fw={600} id="audit-report-label">
        {t('audit.run.report')}
      </Text>
      <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
        <pre tabIndex={0} aria-labelledby="audit-report-label" style={{ margin: 0, fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)', whiteSpace: 'pre', background: 'var(--mantine-color-gray-0)', padding: 'var(--mantine-spacing-xs)', borderRadius: 'var(--mantine-radius-sm)' }}>
          {run.report}
        </pre>
      </ScrollArea.Autosize>
    </Stack>
  );
}
