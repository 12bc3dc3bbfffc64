import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { conversationQueryOptions } from '@/features/conversations';
import { NotificationBell } from '@/features/notifications';
import { PresenceMenu } from '@/features/presence';
import { paths } from '../paths';

/** The agent's status and the notifications bell, wired to the inbox's URLs. */
export function WorkflowHeaderItems() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const openConversation = async (conversationId: string) => {
    // The tab comes from its status; if it cannot be loaded the thread pane explains why.
    const conversation = await queryClient
      .fetchQuery({ ...conversationQueryOptions(conversationId), meta: { silentErrors: true } })
      .catch(() => null);
    void navigate(paths.inbox(conversation?.status ?? 'open', conversationId));
  };
  return (
    <>
      <PresenceMenu />
      <NotificationBell onOpenConversation={(id) => void openConversation(id)} />
    </>
  );
}
