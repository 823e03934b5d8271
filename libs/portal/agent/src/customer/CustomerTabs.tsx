import { Stack, Tabs, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Tag } from '../hooks/Tag.js';
import { CUSTOMER_TABS, type CustomerTab } from '../search.js';

/**
 * The customer page's sections as real tabs: each tab controls its tab panel (role=tabpanel,
 * labelled by the tab), arrow keys move between tabs. Only the selected panel is rendered (its
 * queries run only when shown); axe accepts an unselected tab's aria-controls to an absent panel.
 */
export function CustomerTabs({ tab, onChange, pendingCallerIds, panel }: { tab: CustomerTab; onChange: (tab: CustomerTab) => void; pendingCallerIds: number; panel: (tab: CustomerTab) => ReactNode }) {
  const { t } = useTranslation('agent');
  return (
    <Tabs value={tab} onChange={(value) => onChange(CUSTOMER_TABS.find((item) => item === value) ?? 'money')} keepMounted={false}>
      <Tabs.List style={{ flexWrap: 'wrap' }}>
        {CUSTOMER_TABS.map((item) => (
          <Tabs.Tab key={item} value={item}>
            {t(`customer.tabs.${item}`)}
            {item === 'callerIds' && pendingCallerIds > 0 && (
              <>
                <Tag ml={6} size="xs" color="violet" aria-hidden="true">{pendingCallerIds}</Tag>
                <VisuallyHidden>{t('customer.pendingCallerIds', { count: pendingCallerIds })}</VisuallyHidden>
              </>
            )}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {CUSTOMER_TABS.map((item) => (
        <Tabs.Panel key={item} value={item} pt="md">
          <Stack gap="md">{panel(item)}</Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
