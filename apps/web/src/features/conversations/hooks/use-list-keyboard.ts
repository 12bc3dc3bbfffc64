import { useEffect, type RefObject } from 'react';

const ROW_SELECTOR = '[data-testid="conversation-item"]';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    // Open menus and modals own the keyboard until they close.
    target.closest('[role="dialog"], [role="menu"]') !== null
  );
}

interface ListKeyboardOptions {
  listRef: RefObject<HTMLElement | null>;
  replyInputRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * Inbox shortcuts: J/K (and ↑/↓ when not inside the thread) move focus through the list;
 * rows are links, so Enter opens the focused one natively; R jumps to the reply box.
 */
export function useListKeyboard({ listRef, replyInputRef }: ListKeyboardOptions) {
  useEffect(() => {
    const move = (step: 1 | -1) => {
      const list = listRef.current;
      if (!list) return false;
      const rows = [...list.querySelectorAll<HTMLElement>(ROW_SELECTOR)];
      if (rows.length === 0) return false;
      const focused = rows.findIndex((row) => row === document.activeElement);
      const selected = rows.findIndex((row) => row.getAttribute('aria-current') === 'page');
      const from = focused >= 0 ? focused : selected;
      const next =
        from < 0
          ? step === 1
            ? 0
            : rows.length - 1
          : Math.min(rows.length - 1, Math.max(0, from + step));
      const row = rows[next];
      row?.focus();
      row?.scrollIntoView({ block: 'nearest' });
      return true;
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const inList =
        event.target instanceof Node && (listRef.current?.contains(event.target) ?? false);
      const onPage = event.target === document.body || inList;

      switch (event.key) {
        case 'j':
        case 'J':
          if (move(1)) event.preventDefault();
          break;
        case 'k':
        case 'K':
          if (move(-1)) event.preventDefault();
          break;
        case 'ArrowDown':
          if (onPage && move(1)) event.preventDefault();
          break;
        case 'ArrowUp':
          if (onPage && move(-1)) event.preventDefault();
          break;
        case 'r':
        case 'R': {
          const input = replyInputRef.current;
          if (input && !input.disabled) {
            event.preventDefault();
            input.focus();
          }
          break;
        }
      }
    };

    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listRef, replyInputRef]);
}
