import { useSession } from '@billing/portal-session';
import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asJson } from '../shared/as-json.js';
import { DateTime } from '../shared/DateTime.js';
import { useActor } from '../shared/use-actor.js';
import { useSheetLabels } from '../sheets/sheet-labels.js';
import { agentKeys, type Page } from './agent-wire.js';

interface AgentChange {
  version: number;
  type: string;
  actor: string;
  occurredAt: string;
  changes: Record<string, unknown>;
}

/** The form's label of a changed field (`rateSheetId` → "Rate sheet"), or the field's own name. */
const FIELD_KEYS: Record<string, string> = { rateSheetId: 'rateSheet' };

/** GET /agents/{id}/changes: every change to the agent with who made it, oldest first. */
export function AgentHistory({ agentId }: { agentId: string }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const sheets = useSheetLabels();
  const actor = useActor();
  const history = useInfiniteQuery({
    queryKey: [...agentKeys.one(agentId), 'changes'],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Page<AgentChange>) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      asJson<Page<AgentChange>>(api.GET('/api/v1/agents/{id}/changes', { params: { path: { id: agentId }, query: { limit: 50, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
  });
  const scalar = (raw: unknown): string => (typeof raw === 'boolean' ? t(raw ? 'common.yes' : 'common.no') : raw === null || raw === undefined ? '—' : typeof raw === 'object' ? JSON.stringify(raw) : String(raw));
  // a sheet is named as in the selects, not by its id
  const scalarOf = (field: string, raw: unknown): string => (field === 'rateSheetId' && typeof raw === 'string' ? (sheets.get(raw) ?? raw) : scalar(raw));
  // a registration lists values; a later change lists {from, to}
  const value = (field: string, raw: unknown): string => {
    if (raw !== null && typeof raw === 'object' && 'to' in raw) {
      const { from, to } = raw as { from?: unknown; to: unknown };
      return `${scalarOf(field, from)} → ${scalarOf(field, to)}`;
    }
    return scalarOf(field, raw);
  };
  return (
    <Stack gap="sm">
      <ProblemAlert error={history.error} />
      <DataTable<AgentChange>
        caption={t('agents.history.caption')}
        rows={history.data?.pages.flatMap((page) => page.items) ?? []}
        rowKey={(change) => String(change.version)}
        loading={history.isPending}
        hasMore={history.hasNextPage}
        loadingMore={history.isFetchingNextPage}
        onLoadMore={() => void history.fetchNextPage()}
        minWidth={640}
        columns={[
          { key: 'at', header: t('agents.ledger.at'), render: (change) => <DateTime at={change.occurredAt} /> },
          { key: 'type', header: t('agents.ledger.what'), render: (change) => t(`agents.history.types.${change.type}`, { defaultValue: change.type }) },
          { key: 'actor', header: t('agents.history.actor'), render: (change) => actor(change.actor) },
          {
            key: 'changes',
            header: t('agents.history.changes'),
            render: (change) => (
              <Stack gap={0}>
                {Object.entries(change.changes).map(([field, raw]) => (
                  <Text key={field} size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {t(`agents.fields.${FIELD_KEYS[field] ?? field}`, { defaultValue: field })}: {value(field, raw)}
                  </Text>
                ))}
              </Stack>
            ),
          },
        ]}
      />
    </Stack>
  );
}
