import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { applyTextEdit } from '../../model/textBinding.ts';
import { usePresence } from '../../sync/hooks.ts';
import { setPresenceFocus } from '../../sync/presence.ts';
import '../../features/plan/plan.css';

type Props = {
  /** The shared text; null renders an empty, disabled field (the text does not exist yet). */
  ytext: Y.Text | null;
  /** The document session's `origin`: per-user undo tracks exactly these edits. */
  origin: object;
  /** The document session's `name`, for presence. */
  docName: string;
  /** Where in the document this field is, e.g. `plan:rl1:<phaseId>:teacherActions`; shared through presence. */
  path: string;
  /** Accessible name of the field. */
  label: string;
  /** Ids of elements that describe the field further. */
  describedBy?: string;
  readOnly?: boolean;
  placeholder?: string;
  /** Rows when empty; the field grows with its content. Default 2. */
  rows?: number;
  /** Enter does not insert a line break, and pasted line breaks become spaces (titles, names). */
  singleLine?: boolean;
  maxLength?: number;
  className?: string;
  id?: string;
};

type DeltaOp = { insert?: unknown; retain?: number; delete?: number };

/**
 * Where an index of the old text ends up after a change (a Yjs delta): text
 * inserted or deleted before it shifts it; an insertion exactly at the index
 * keeps it before the inserted text.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[]): number {
  let oldPos = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPos >= index) break;
    if (op.retain !== undefined) oldPos += op.retain;
    else if (op.insert !== undefined) {
      shift += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    }
  }
  return Math.max(0, index + shift);
}

const supportsFieldSizing =
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function'
    ? CSS.supports('field-sizing', 'content')
    : false;

function grow(element: HTMLTextAreaElement): void {
  if (supportsFieldSizing) return;
  element.style.height = 'auto';
  element.style.height = `${element.scrollHeight + 2}px`;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/**
 * A textarea bound to a Y.Text: edits merge character by character with
 * colleagues (textBinding.applyTextEdit), remote edits keep the caret where
 * it was, the field grows with its content, and the initials of colleagues
 * editing the same field are shown on it (presence focus).
 */
export function YTextArea({
  ytext,
  origin,
  docName,
  path,
  label,
  describedBy,
  readOnly = false,
  placeholder,
  rows = 2,
  singleLine = false,
  maxLength,
  className,
  id,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const focused = useRef(false);
  const presence = usePresence(docName);
  const others = presence.filter((entry) => !entry.isSelf && entry.focus === path);

  // Uncontrolled: the DOM value follows the Y.Text, so React never resets the caret.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.value = ytext ? ytext.toString() : '';
    grow(element);
    if (!ytext) return;
    const onChange = (event: Y.YTextEvent) => {
      const next = ytext.toString();
      if (element.value === next) return;
      const active = document.activeElement === element;
      const start = element.selectionStart;
      const end = element.selectionEnd;
      const direction = element.selectionDirection;
      const delta = event.delta as DeltaOp[];
      element.value = next;
      if (active) {
        element.setSelectionRange(
          transformIndex(start, delta),
          transformIndex(end, delta),
          direction,
        );
      }
      grow(element);
    };
    ytext.observe(onChange);
    return () => ytext.unobserve(onChange);
  }, [ytext]);

  // Leaving the page while in the field must not leave a stale marker with colleagues.
  useEffect(
    () => () => {
      if (focused.current) setPresenceFocus(docName, null);
    },
    [docName],
  );

  const onInput = useCallback(() => {
    const element = ref.current;
    if (!element || !ytext || readOnly) return;
    let next = element.value;
    if (singleLine && /[\r\n]/.test(next)) {
      const caret = element.selectionStart;
      next = next.replace(/\r?\n|\r/g, ' ');
      element.value = next;
      element.setSelectionRange(caret, caret);
    }
    if (maxLength !== undefined && next.length > maxLength) {
      next = next.slice(0, maxLength);
      element.value = next;
    }
    applyTextEdit(ytext, next, origin);
    grow(element);
  }, [ytext, readOnly, singleLine, maxLength, origin]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (singleLine && event.key === 'Enter') event.preventDefault();
  };

  const names = others.map((entry) => entry.name).join(', ');
  return (
    <div className={`ytext ${others.length > 0 ? 'ytext-shared' : ''} ${className ?? ''}`}>
      <textarea
        ref={ref}
        id={id}
        aria-label={label}
        aria-describedby={describedBy}
        rows={singleLine ? 1 : rows}
        readOnly={readOnly}
        disabled={!ytext}
        placeholder={readOnly ? undefined : placeholder}
        maxLength={maxLength}
        spellCheck
        onInput={onInput}
        onKeyDown={onKeyDown}
        onFocus={() => {
          focused.current = true;
          if (!readOnly) setPresenceFocus(docName, path);
        }}
        onBlur={() => {
          focused.current = false;
          setPresenceFocus(docName, null);
        }}
        style={
          others.length > 0 ? { outlineColor: others[0]?.color, borderColor: others[0]?.color } : {}
        }
      />
      {others.length > 0 && (
        <span className="ytext-presence" title={names}>
          {others.map((entry) => (
            <span
              key={entry.clientId}
              className="ytext-initials"
              style={{ backgroundColor: entry.color }}
              aria-hidden="true"
            >
              {initials(entry.name)}
            </span>
          ))}
          <span className="visually-hidden">{t('plan.field.editingBy', { names })}</span>
        </span>
      )}
    </div>
  );
}
