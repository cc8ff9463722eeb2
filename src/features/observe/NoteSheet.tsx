import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePupil } from '../../model/cycleTypes.ts';
import { MAX_EVENT_TEXT } from '../../model/eventLog.ts';
import type { NoteTarget } from './ItemControl.tsx';

type Props = {
  target: NoteTarget | null;
  pupils: readonly CasePupil[];
  onSave: (text: string, target: NoteTarget) => void;
  onClose: () => void;
};

/**
 * A quick note in a small modal sheet: opens with the cursor in the text,
 * saves with the button or Ctrl/⌘+Enter, and gives focus back to what opened
 * it, so the observer's eyes can go straight back to the class.
 */
export const NoteSheet = memo(NoteSheetView);

function NoteSheetView({ target, pupils, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const errorId = useId();
  const [text, setText] = useState('');
  const [pupilId, setPupilId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (target && !dialog.open) {
      setText(target.editing?.text ?? '');
      setError(null);
      setPupilId(target.pupilId);
      dialog.showModal();
      textRef.current?.focus();
    }
    if (!target && dialog.open) dialog.close();
  }, [target]);

  function save() {
    if (!target) return;
    const trimmed = text.trim();
    if (trimmed.length === 0) return setError(t('observe.note.empty'));
    if (trimmed.length > MAX_EVENT_TEXT)
      return setError(t('observe.note.tooLong', { max: MAX_EVENT_TEXT }));
    onSave(trimmed, { ...target, pupilId });
  }

  return (
    <dialog
      ref={ref}
      className="dialog observe-note-sheet"
      aria-labelledby={headingId}
      onCancel={onClose}
    >
      <form
        method="dialog"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <h2 id={headingId}>
          {target?.editing
            ? t('observe.note.headingEdit')
            : target?.item
              ? t('observe.note.headingItem', { label: target.item.label })
              : t('observe.note.heading')}
        </h2>
        {pupils.length > 0 && !target?.editing && (
          <fieldset className="observe-note-about">
            <legend>{t('observe.note.about')}</legend>
            {[
              { id: null, name: t('observe.note.aboutClass') },
              ...pupils.map((p) => ({ id: p.id as string, name: p.pseudonym })),
            ].map((option) => (
              <label key={option.id ?? 'class'} className="chip">
                <input
                  type="radio"
                  name="note-about"
                  checked={pupilId === option.id}
                  onChange={() => setPupilId(option.id)}
                />
                {option.name}
              </label>
            ))}
          </fieldset>
        )}
        <label className="stack">
          <span>{t('observe.note.text')}</span>
          <textarea
            ref={textRef}
            rows={4}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                save();
              }
            }}
          />
        </label>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row row-end">
          <button type="button" className="observe-tap" onClick={onClose}>
            {t('observe.note.cancel')}
          </button>
          <button type="submit" className="observe-tap primary">
            {t('observe.note.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
