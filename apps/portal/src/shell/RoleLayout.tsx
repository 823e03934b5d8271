import { useSessionStore, useSessionUser } from '@billing/portal-session';
import type { RoleArea } from '@billing/portal-ui';
import { ActionIcon, AppShell, Box, Burger, Group, NavLink, ScrollArea, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark.js';
import { LanguageMenu } from './LanguageMenu.js';
import layout from './RoleLayout.module.css';
import classes from './SkipLink.module.css';

/** The frame of every role's pages: header (product, user, language, logout), the role's navbar, the page. */
export function RoleLayout({ area }: { area: RoleArea }) {
  const { t } = useTranslation();
  const { t: tArea } = useTranslation(area.namespace);
  const [opened, { toggle, close }] = useDisclosure(false);
  const user = useSessionUser();
  const store = useSessionStore();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const logout = async () => {
    await store.logout();
    await navigate({ to: '/login' });
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      {/* the first stop of the keyboard: past the header and the navigation to the page itself */}
      <Box component="a" href="#main-content" className={classes.skip} onClick={(event) => { event.preventDefault(); document.getElementById('main-content')?.focus(); }}>
        {t('skipToContent')}
      </Box>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('closeMenu') : t('openMenu')} />
            <BrandMark />
            <Text fw={700} size="lg" c="itc.8" style={{ whiteSpace: 'nowrap' }}>
              {t('productName')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Box visibleFrom="xs" ta="right">
              <Text size="sm" fw={600} lh={1.2}>
                {user?.username}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {user === null ? '' : t(`roles.${user.role}`)}
              </Text>
            </Box>
            <LanguageMenu />
            <Tooltip label={t('logout')}>
              <ActionIcon variant="subtle" size="lg" aria-label={t('logout')} onClick={() => void logout()}>
                <LogoutIcon />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={tArea('nav.label', { defaultValue: t(`roles.${user?.role ?? 'admin'}`) })}>
        <Box hiddenFrom="xs" px="sm" py="xs">
          <Text size="sm" fw={600}>
            {user?.username}
          </Text>
          <Text size="xs" c="dimmed">
            {user === null ? '' : t(`roles.${user.role}`)}
          </Text>
        </Box>
        <AppShell.Section grow component={ScrollArea}>
          {area.nav.map((item) => {
            const active = item.exact === true ? pathname === item.to || pathname === `${item.to}/` : pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                // the router's Link marks itself current (aria-current, data-status) on any path
                // below its own unless told otherwise: the role's home would be current everywhere
                activeOptions={{ exact: item.exact === true }}
                label={tArea(item.labelKey)}
                leftSection={item.icon === undefined ? undefined : <span aria-hidden="true">{item.icon}</span>}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={close}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main className={layout.main} id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function LogoutIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M9 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3M16 17l5-5-5-5M21 12H9" />
    </svg>
  );
}
