import type { Conversation } from './types';

interface Viewer {
  id: string;
  role: 'agent' | 'supervisor' | 'admin';
}

/**
 * Which actions make sense for this viewer and state (docs/workflow-api.md). The API is the
 * judge; this only keeps buttons that would certainly fail off the screen.
 */
export function conversationPermissions(conversation: Conversation, viewer: Viewer) {
  const staff = viewer.role !== 'agent';
  const open = conversation.status === 'open';
  const waiting = conversation.status === 'waiting';
  const closed = conversation.status === 'closed';
  const mine = conversation.assignee?.id === viewer.id;
  const drives = open && (mine || staff);
  return {
    /** Write to the customer: the assigned agent, an invited or joined colleague, or staff. */
    reply: open && (mine || staff || conversation.invited),
    accept: waiting,
    transfer: waiting || drives,
    invite: drives,
    askHelp: open && mine && conversation.phase !== 'needs_help',
    /** Agents join what their team asked help with; staff join any open one (supervisor mode). */
    join: open && !mine && !conversation.invited && (staff || conversation.phase === 'needs_help'),
    snooze: drives,
    hold: drives,
    tag: !closed || staff,
    markUnread: !closed,
    close: !closed,
    reopen: closed,
  };
}
