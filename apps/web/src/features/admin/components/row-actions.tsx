import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The edit and delete buttons at the end of an admin list row; `testId` names the kind of row. */
export function RowActions({
  testId,
  onEdit,
  onDelete,
}: {
  testId: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip label={t('admin.common.edit')} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onEdit}
          aria-label={t('admin.common.edit')}
          data-testid={`${testId}-edit`}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('admin.common.delete')} withArrow>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onDelete}
          aria-label={t('admin.common.delete')}
          data-testid={`${testId}-delete`}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
