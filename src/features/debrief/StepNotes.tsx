import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import { debriefNotes } from '../../model/debrief.ts';
import { useDebriefScope } from './debriefScope.ts';

/** The recorder's notes of a step: one shared text per step, merged per character. */
export function StepNotes({ stepId }: { stepId: string }) {
  const { t } = useTranslation();
  const { session, runId, readOnly, presenting } = useDebriefScope();
  const text = debriefNotes(session.doc, runId, stepId);
  if (presenting) return <NotesText text={text} />;
  return (
    <div className="field debrief-notes">
      <label htmlFor={`debrief-notes-${stepId}`}>{t('debrief.runner.notes')}</label>
      <YTextArea
        id={`debrief-notes-${stepId}`}
        ytext={text}
        origin={session.origin}
        docName={session.name}
        path={`debrief:${runId}:notes:${stepId}`}
        label={t('debrief.runner.notes')}
        placeholder={t('debrief.runner.notesPlaceholder')}
        readOnly={readOnly}
        rows={3}
      />
    </div>
  );
}

/** The notes as the projector shows them, following every keystroke of the recorder. */
function NotesText({ text }: { text: Y.Text }) {
  const subscribe = useCallback(
    (onChange: () => void) => {
      text.observe(onChange);
      return () => text.unobserve(onChange);
    },
    [text],
  );
  const notes = useSyncExternalStore(subscribe, () => text.toString()).trim();
  return notes ? <p className="debrief-notes-text">{notes}</p> : null;
}
