import { useId, useState } from 'react';

type Props = {
  readonly label: string;
  readonly value: string;
  /** Writes the text; false when it was refused (the typed text stays, for correcting). */
  readonly commit: (next: string) => boolean;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'date' | 'number';
  readonly readOnly?: boolean;
};

/**
 * A field of a track's document, written when it is left (or Enter in a
 * one-line field): the coach's preparation is theirs alone, so there is no
 * colleague to see every keystroke. A change from elsewhere (another device
 * of the same coach) replaces what is shown unless it is being edited.
 */
export function DraftText({
  label,
  value,
  commit,
  multiline = false,
  type = 'text',
  readOnly = false,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  // A new value from the document (saved, or from another device) replaces the draft.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(null);
  }
  const shown = draft ?? value;

  function save() {
    if (draft === null || draft === value) return;
    if (commit(draft)) setDraft(null);
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={shown}
          readOnly={readOnly}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={save}
        />
      ) : (
        <input
          id={id}
          type={type}
          value={shown}
          readOnly={readOnly}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save();
          }}
        />
      )}
    </div>
  );
}
