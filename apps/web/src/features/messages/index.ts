export { messageKeys, useMessages } from './api/get-messages';
export { useSendMessage } from './api/send-message';
export { MessageThread } from './components/message-thread';
export { ReplyBox } from './components/reply-box';
export { VisitorTyping } from './components/visitor-typing';
export type { Message, MessageKind, MessageStatus, ServiceWindow } from './types';
export { NOTE_MODE_EVENT } from './components/reply-box';
