import { Button, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconPhotoOff } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, MessageEmail } from '../types';
import { prepareEmailHtml } from '../utils/email-html';
import { AttachmentList } from './attachment-list';
import classes from './thread.module.css';

interface EmailContentProps {
  email: MessageEmail;
  /** The plain-text version, shown when the mail has no HTML part. */
  text: string;
  attachments: Attachment[];
  /** First mail on this subject in the thread. */
  showSubject: boolean;
}

function EmailHtml({ html, ownColors }: { html: string; ownColors: boolean }) {
  return (
    <div
      className={classes.emailHtml}
      data-own-colors={ownColors}
      dir="auto"
      // Sanitized twice: by the server and by prepareEmailHtml (DOMPurify) just before this.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** An email in the thread: subject, the new part, folded quoted history and files. */
export function EmailContent({ email, text, attachments, showSubject }: EmailContentProps) {
  const { t } = useTranslation();
  const [showRemote, setShowRemote] = useState(false);
  const [quotedOpen, setQuotedOpen] = useState(false);
  const quotedId = useId();

  const body = useMemo(
    () => (email.html ? prepareEmailHtml(email.html, { attachments, showRemote }) : null),
    [email.html, attachments, showRemote],
  );
  const quoted = useMemo(
    () => (email.quoted ? prepareEmailHtml(email.quoted, { attachments, showRemote }) : null),
    [email.quoted, attachments, showRemote],
  );

  const remoteCount = (body?.remoteCount ?? 0) + (quoted?.remoteCount ?? 0);
  const inline = new Set([
    ...(body?.inlineAttachmentIds ?? []),
    ...(quoted?.inlineAttachmentIds ?? []),
  ]);
  const listed = inline.size === 0 ? attachments : attachments.filter((a) => !inline.has(a.id));
  const subject = email.subject?.trim();

  return (
    <>
      {showSubject && subject && (
        <Text
          size="xs"
          fw={700}
          lineClamp={2}
          className={classes.emailSubject}
          data-testid="email-subject"
        >
          {t('email.subject', { subject })}
        </Text>
      )}
      {remoteCount > 0 && !showRemote && (
        <Group gap={4} mb={4} wrap="nowrap">
          <Button
            variant="subtle"
            size="compact-xs"
            color="gray"
            leftSection={<IconPhotoOff size={14} aria-hidden />}
            title={t('email.remoteImagesHint')}
            onClick={() => setShowRemote(true)}
            data-testid="email-show-images"
          >
            {t('email.showImages')}
          </Button>
        </Group>
      )}
      {body ? (
        <div data-testid="email-body" data-format="html">
          <EmailHtml html={body.html} ownColors={body.ownColors} />
        </div>
      ) : (
        text && (
          <div data-testid="email-body" data-format="text">
            <Text className={classes.text}>{text}</Text>
          </div>
        )
      )}
      {quoted && (
        <>
          <Button
            variant="subtle"
            size="compact-xs"
            color="gray"
            mt={4}
            rightSection={
              quotedOpen ? (
                <IconChevronUp size={14} aria-hidden />
              ) : (
                <IconChevronDown size={14} aria-hidden />
              )
            }
            aria-expanded={quotedOpen}
            aria-controls={quotedId}
            onClick={() => setQuotedOpen((open) => !open)}
            data-testid="email-quoted-toggle"
          >
            {quotedOpen ? t('email.hideQuoted') : t('email.showQuoted')}
          </Button>
          <div
            id={quotedId}
            hidden={!quotedOpen}
            className={classes.emailQuoted}
            data-testid="email-quoted"
          >
            {quotedOpen && <EmailHtml html={quoted.html} ownColors={quoted.ownColors} />}
          </div>
        </>
      )}
      <AttachmentList attachments={listed} />
    </>
  );
}
