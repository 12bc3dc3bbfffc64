import { Anchor, Group, Modal, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../types';
import classes from './thread.module.css';

/** A thumbnail in the bubble; a click shows the photo full size without leaving the inbox. */
export function ImageAttachment({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <UnstyledButton
        className={classes.thumbnail}
        onClick={open}
        aria-label={t('thread.viewImage', { name: attachment.fileName })}
      >
        <img
          className={classes.image}
          src={attachment.url}
          alt={attachment.fileName}
          loading="lazy"
          data-testid="message-image"
        />
      </UnstyledButton>
      <Modal
        opened={opened}
        onClose={close}
        title={attachment.fileName}
        size="auto"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <img
          className={classes.fullImage}
          src={attachment.url}
          alt={attachment.fileName}
          data-testid="image-viewer"
        />
        <Group justify="flex-end" mt="sm">
          <Anchor href={attachment.url} target="_blank" rel="noreferrer" size="sm">
            <Group gap={4} wrap="nowrap">
              <IconExternalLink size={14} aria-hidden />
              {t('thread.openOriginal')}
            </Group>
          </Anchor>
        </Group>
      </Modal>
    </>
  );
}
