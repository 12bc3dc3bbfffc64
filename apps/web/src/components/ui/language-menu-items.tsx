import { Menu } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/lib/i18n';

/** The language choices as menu items; the detector stores the choice in localStorage. */
export function LanguageMenuItems() {
  const { i18n } = useTranslation();
  return LANGUAGES.map((language) => {
    const active = i18n.resolvedLanguage === language.code;
    return (
      <Menu.Item
        key={language.code}
        lang={language.code}
        data-testid={`language-${language.code}`}
        aria-checked={active}
        role="menuitemradio"
        rightSection={active ? <IconCheck size={14} /> : null}
        onClick={() => void i18n.changeLanguage(language.code)}
      >
        {language.name}
      </Menu.Item>
    );
  });
}
