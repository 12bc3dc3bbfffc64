import type { TFunction } from 'i18next';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useLogin } from '../api/login';

interface LoginFormProps {
  onSuccess: () => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showMissing, setShowMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setShowMissing(true);
      return;
    }
    login.mutate({ email: email.trim(), password }, { onSuccess });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {login.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            data-testid="login-error"
          >
            {describeLoginError(login.error, t)}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          placeholder={t('auth.emailPlaceholder')}
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={showMissing && !email.trim() ? t('auth.emailRequired') : undefined}
          data-testid="login-email"
        />
        <PasswordInput
          label={t('auth.password')}
          placeholder={t('auth.passwordPlaceholder')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={showMissing && !password ? t('auth.passwordRequired') : undefined}
          data-testid="login-password"
        />
        <Button
          type="submit"
          fullWidth
          size="md"
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function describeLoginError(error: Error, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.status === 401) return t('auth.invalidCredentials');
  if (error.isNetworkError) return t('errors.network');
  return error.message || t('errors.unexpected');
}
