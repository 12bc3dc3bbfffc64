import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageMenuItems } from './language-menu-items';

/** Stand-alone language button for screens without the user menu (the login page). */
export function LanguagePicker() {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Tooltip label={t('userMenu.language')} withArrow>
          <ActionIcon variant="default" size="lg" aria-label={t('userMenu.language')}>
            <IconLanguage size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.language')}</Menu.Label>
        <LanguageMenuItems />
      </Menu.Dropdown>
    </Menu>
  );
}
