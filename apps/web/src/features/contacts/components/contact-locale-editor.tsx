import { ActionIcon, Button, Group, Popover, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconLanguage, IconPencil, IconWorld } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import { useUpdateContact } from '../api/update-contact';
import {
  countryFlag,
  countryName,
  countryOptions,
  languageName,
  languageOptions,
} from '../locale-names';
import type { Contact } from '../types';

/** Where the customer is and what they speak; editable, since channels rarely tell us. */
export function ContactLocaleEditor({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const update = useUpdateContact(contact.id);
  const [opened, setOpened] = useState(false);
  const [country, setCountry] = useState<string | null>(contact.country);
  const [language, setLanguage] = useState<string | null>(contact.language);
  const countries = useMemo(() => (opened ? countryOptions(locale) : []), [opened, locale]);
  const languages = useMemo(
    () => (opened ? languageOptions(locale, contact.language) : []),
    [opened, locale, contact.language],
  );

  const open = () => {
    setCountry(contact.country);
    setLanguage(contact.language);
    update.reset();
    setOpened(true);
  };
  const save = () => update.mutate({ country, language }, { onSuccess: () => setOpened(false) });

  return (
    <Popover opened={opened} onChange={setOpened} width={280} position="bottom" withArrow trapFocus>
      <Popover.Target>
        <Group gap="xs" justify="center" c="dimmed" wrap="nowrap" data-testid="contact-locale">
          {contact.country || contact.language ? (
            <>
              {contact.country && (
                <Text size="xs" data-testid="contact-country">
                  <span aria-hidden>{countryFlag(contact.country)} </span>
                  {countryName(locale, contact.country)}
                </Text>
              )}
              {contact.language && (
                <Group gap={2} wrap="nowrap">
                  <IconLanguage size={12} aria-label={t('contact.language')} />
                  <Text size="xs" data-testid="contact-language">
                    {languageName(locale, contact.language)}
                  </Text>
                </Group>
              )}
            </>
          ) : (
            <Text size="xs">{t('contact.noLocale')}</Text>
          )}
          <Tooltip label={t('contact.editLocale')} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="xs"
              onClick={open}
              aria-label={t('contact.editLocale')}
              data-testid="contact-locale-edit"
            >
              <IconPencil size={12} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Select
            label={t('contact.country')}
            data={countries}
            value={country}
            onChange={setCountry}
            searchable
            clearable
            selectFirstOptionOnChange
            leftSection={<IconWorld size={14} />}
            comboboxProps={{ withinPortal: false }}
            nothingFoundMessage={t('contact.nothingFound')}
            data-testid="contact-country-select"
          />
          <Select
            label={t('contact.language')}
            data={languages}
            value={language}
            onChange={setLanguage}
            searchable
            clearable
            selectFirstOptionOnChange
            leftSection={<IconLanguage size={14} />}
            comboboxProps={{ withinPortal: false }}
            nothingFoundMessage={t('contact.nothingFound')}
            data-testid="contact-language-select"
          />
          {update.isError && (
            <Text size="xs" c="red">
              {t('contact.saveFailed')}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              loading={update.isPending}
              onClick={save}
              data-testid="contact-locale-save"
            >
              {t('contact.save')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
