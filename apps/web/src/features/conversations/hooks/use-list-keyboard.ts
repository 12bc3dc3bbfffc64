import { useEffect, useRef, type RefObject } from 'react';
import { NOTE_MODE_EVENT } from '@/features/messages';
import { CLOSE_CONVERSATION_EVENT } from '../components/conversation-actions';

const ROW_SELECTOR = '[data-testid="conversation-item"]';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    // Open menus and modals own the keyboard until they close.
    target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null
  );
}

interface ListKeyboardOptions {
  listRef: RefObject<HTMLElement | null>;
  replyInputRef: RefObject<HTMLTextAreaElement | null>;
  /** "?" opens the shortcuts help. */
  onHelp?: () => void;
}

/**
 * Inbox shortcuts (listed in the "?" help): J/K and Alt+↓/↑ open the next / previous
 * conversation; ↑/↓ move focus through the list (Enter opens); R reply, N private note,
 * Shift+C close, / search. None fires while typing in a field or inside a dialog.
 */
export function useListKeyboard({ listRef, replyInputRef, onHelp }: ListKeyboardOptions) {
  // The latest callback without re-binding the listener on every render.
  const onHelpRef = useRef(onHelp);
  useEffect(() => {
    onHelpRef.current = onHelp;
  });

  useEffect(() => {
    const rowsOf = () => {
      const list = listRef.current;
      return list ? [...list.querySelectorAll<HTMLElement>(ROW_SELECTOR)] : [];
    };

    const target = (step: 1 | -1, fromFocus: boolean) => {
      const rows = rowsOf();
      if (rows.length === 0) return null;
      const focused = fromFocus ? rows.findIndex((row) => row === document.activeElement) : -1;
      const selected = rows.findIndex((row) => row.getAttribute('aria-current') === 'page');
      const from = focused >= 0 ? focused : selected;
      const next =
        from < 0
          ? step === 1
            ? 0
            : rows.length - 1
          : Math.min(rows.length - 1, Math.max(0, from + step));
      return rows[next] ?? null;
    };

    const move = (step: 1 | -1) => {
      const row = target(step, true);
      row?.focus();
      row?.scrollIntoView({ block: 'nearest' });
      return row !== null;
    };

    const open = (step: 1 | -1) => {
      const row = target(step, false);
      if (!row) return false;
      row.click();
      row.focus();
      row.scrollIntoView({ block: 'nearest' });
      return true;
    };

    const focusReply = () => {
      const input = replyInputRef.current;
      if (!input || input.disabled) return false;
      input.focus();
      return true;
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      const inList =
        event.target instanceof Node && (listRef.current?.contains(event.target) ?? false);
      const onPage = event.target === document.body || inList;

      if (event.altKey) {
        if (event.key === 'ArrowDown' && open(1)) event.preventDefault();
        if (event.key === 'ArrowUp' && open(-1)) event.preventDefault();
        return;
      }

      switch (event.key) {
        case 'j':
        case 'J':
          if (open(1)) event.preventDefault();
          break;
        case 'k':
        case 'K':
          if (open(-1)) event.preventDefault();
          break;
        case 'ArrowDown':
          if (onPage && move(1)) event.preventDefault();
          break;
        case 'ArrowUp':
          if (onPage && move(-1)) event.preventDefault();
          break;
        case 'r':
        case 'R':
          if (!event.shiftKey && focusReply()) event.preventDefault();
          break;
        case 'n':
        case 'N':
          if (!event.shiftKey && replyInputRef.current) {
            event.preventDefault();
            window.dispatchEvent(new Event(NOTE_MODE_EVENT));
          }
          break;
        case 'C':
          if (event.shiftKey) {
            event.preventDefault();
            window.dispatchEvent(new Event(CLOSE_CONVERSATION_EVENT));
          }
          break;
        case '/': {
          const search = document.querySelector<HTMLElement>('[data-testid="search-input"]');
          if (search) {
            event.preventDefault();
            search.focus();
          }
          break;
        }
        case '?':
          event.preventDefault();
          onHelpRef.current?.();
          break;
      }
    };

    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listRef, replyInputRef]);
}
