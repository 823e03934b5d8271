import { useSessionStore } from '@billing/portal-session';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRouter, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { landingPath } from '../redirect-target.js';
import { loginErrorText } from './login-error.js';
import { BrandMark } from '../shell/BrandMark.js';
import { LanguageMenu } from '../shell/LanguageMenu.js';

/** The one login for ITC, agents and customers; afterwards each lands on its role's pages. */
export function LoginPage() {
  const { t } = useTranslation();
  const store = useSessionStore();
  const router = useRouter();
  const search = useSearch({ from: '/login' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (username.trim() === '' || password === '') return;
    setPending(true);
    setError(null);
    try {
      const user = await store.login(username.trim(), password);
      await router.navigate({ href: landingPath(user.role, search.redirect) });
    } catch (caught) {
      setError(loginErrorText(caught, t));
      setPending(false);
    }
  };

  return (
    <Center component="main" mih="100dvh" p="md" bg="gray.0">
      <Box w="100%" maw={440}>
        <Group justify="flex-end" mb="xs">
          <LanguageMenu />
        </Group>
        <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', xs: 'xl' }}>
          <Stack gap="lg">
            <Stack gap={4} align="center">
              <BrandMark size={44} />
              <Title order={1} size="h2" ta="center">
                {t('productName')}
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('login.subtitle')}
              </Text>
            </Stack>
            <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('login.title')}>
              <Stack gap="md">
                {error !== null && (
                  <Alert color="red" variant="light" role="alert">
                    {error}
                  </Alert>
                )}
                <TextInput
                  label={t('login.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={submitted && username.trim() === '' ? t('login.required') : undefined}
                  autoFocus
                />
                <PasswordInput
                  label={t('login.password')}
                  name="password"
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={submitted && password === '' ? t('login.required') : undefined}
                />
                <Button type="submit" fullWidth size="md" loading={pending}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
