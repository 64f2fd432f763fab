import type { KeyboardEvent } from 'react';

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * Enter in a text box or select moves to the next input of the form, as in paper-style data entry,
 * instead of submitting half a form; Shift+Enter moves back. Text areas keep Enter for new lines.
 */
export function enterMovesFocus(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'BUTTON') return;
  if (
    tag === 'INPUT' &&
    ['checkbox', 'radio', 'submit', 'button'].includes((target as HTMLInputElement).type)
  ) {
    return;
  }
  if (tag !== 'INPUT' && tag !== 'SELECT') return;
  e.preventDefault();
  const all = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const i = all.indexOf(target);
  const next = all[e.shiftKey ? i - 1 : i + 1];
  next?.focus();
}
