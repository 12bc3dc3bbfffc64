import { ActionIcon, Avatar, Badge, Menu, Stack, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowMerge, IconBan, IconCircleCheck, IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth';
import type { Contact } from '../types';
import { BlockContactModal } from './block-contact-modal';
import { ContactLocaleEditor } from './contact-locale-editor';
import { ContactNameEditor } from './contact-name-editor';
import { MergeContactModal } from './merge-contact-modal';

interface ContactSummaryProps {
  contact: Contact;
  /** What to call the customer when they have no name (their first address). */
  fallbackName: string;
}

/** Avatar, editable name, where they are and what they speak, and the contact's actions. */
export function ContactSummary({ contact, fallbackName }: ContactSummaryProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [blockOpened, block] = useDisclosure(false);
  const [mergeOpened, merge] = useDisclosure(false);
  const displayName = contact.name?.trim() || fallbackName;
  const staff = user.role !== 'agent';

  return (
    <Stack align="center" gap={6} pos="relative" data-testid="contact-summary">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label={t('contact.actions')} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              pos="absolute"
              top={0}
              right={0}
              aria-label={t('contact.actions')}
              data-testid="contact-menu"
            >
              <IconDots size={16} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {staff && (
            <Menu.Item
              leftSection={<IconArrowMerge size={14} />}
              onClick={merge.open}
              data-testid="contact-merge"
            >
              {t('merge.action')}
            </Menu.Item>
          )}
          <Menu.Item
            color={contact.blocked ? undefined : 'red'}
            leftSection={contact.blocked ? <IconCircleCheck size={14} /> : <IconBan size={14} />}
            onClick={block.open}
            data-testid="contact-block"
          >
            {contact.blocked ? t('contact.unblockAction') : t('contact.blockAction')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Avatar name={contact.name ?? undefined} color="initials" size="lg" radius="xl" />
      <ContactNameEditor contact={contact} fallback={fallbackName} />
      {contact.blocked && (
        <Badge
          color="red"
          variant="light"
          leftSection={<IconBan size={12} />}
          data-testid="contact-blocked-badge"
        >
          {t('contact.blocked')}
        </Badge>
      )}
      <ContactLocaleEditor contact={contact} />

      <BlockContactModal
        contact={contact}
        displayName={displayName}
        opened={blockOpened}
        onClose={block.close}
      />
      {staff && (
        <MergeContactModal
          contact={contact}
          displayName={displayName}
          opened={mergeOpened}
          onClose={merge.close}
        />
      )}
    </Stack>
  );
}
