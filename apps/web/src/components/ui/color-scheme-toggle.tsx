import { ActionIcon, Tooltip } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useColorSchemeToggle } from './use-color-scheme-toggle';

export function ColorSchemeToggle() {
  const { t } = useTranslation();
  const { isDark, toggle } = useColorSchemeToggle();
  const label = isDark ? t('userMenu.lightTheme') : t('userMenu.darkTheme');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={toggle}>
        {isDark ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
