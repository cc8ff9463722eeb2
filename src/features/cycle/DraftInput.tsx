import { type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';

type Props = {
  readonly label: string;
  /** Shows the label only to screen readers (the field sits in a labelled row or heading). */
  readonly hideLabel?: boolean;
  /** The value in the shared document. */
  readonly value: string;
  /** Writes `next` to the document; returns false (and writes nothing) when it is not valid. */
  readonly commit: (next: string) => boolean;
  /** Shown while the typed text cannot be saved. */
  readonly invalidMessage: string;
  readonly readOnly: boolean;
  readonly className?: string;
  /**
   * 'change' (default) writes every valid keystroke; 'blur' writes when the field is left or
   * Enter is pressed (numbers, whose text and stored value differ while typing: "72," → 72).
   */
  readonly commitOn?: 'change' | 'blur';
  readonly inputProps?: Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'value' | 'onChange' | 'readOnly' | 'id' | 'className'
  >;
};

/**
 * A short text of the shared document (title, subject…) edited in place:
 * every valid keystroke is written at once, so colleagues see it live and undo
 * can take it back. While the typed text is invalid (an empty title) it stays
 * local and the message says why; a change from elsewhere (a colleague, undo)
 * replaces what is shown.
 */
export function DraftInput({
  label,
  hideLabel,
  value,
  commit,
  invalidMessage,
  readOnly,
  className,
  commitOn = 'change',
  inputProps,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const lastWritten = useRef<string | null>(null);

  // A change that is not our own echo (undo, a colleague) wins over what is typed.
  useEffect(() => {
    if (value !== lastWritten.current) {
      lastWritten.current = null;
      setDraft(null);
      setInvalid(false);
    }
  }, [value]);

  const shown = draft ?? value;

  function onChange(next: string) {
    setDraft(next);
    if (commitOn === 'blur') {
      setInvalid(false);
      return;
    }
    const ok = commit(next);
    setInvalid(!ok);
    if (ok) lastWritten.current = next.trim();
  }

  function reset() {
    if (commitOn === 'blur' && draft !== null && draft !== value && !readOnly) {
      if (!commit(draft)) {
        setInvalid(true);
        return;
      }
    }
    setDraft(null);
    setInvalid(false);
  }

  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        value={shown}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        onBlur={reset}
        onKeyDown={(event) => {
          if (event.key === 'Enter') reset();
          if (event.key === 'Escape') {
            setDraft(null);
            setInvalid(false);
          }
        }}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        {...inputProps}
      />
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          {invalidMessage}
        </p>
      )}
    </div>
  );
}
