import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleText } from '../../model/cycleDoc.ts';
import type { CycleTextField } from '../../model/cycleTypes.ts';
import { useSessionState } from '../../sync/hooks.ts';
import type { PresenceEntry } from '../../sync/presence.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { FocusChips } from './PresenceAvatars.tsx';

// Tiptap and ProseMirror load only when a long text is first shown: initial JavaScript must stay
// ≤ 200 KB gzipped.
const CollaborativeEditor = lazy(() => import('./CollaborativeEditor.tsx'));

type Props = {
  readonly field: CycleTextField;
  readonly presence: readonly PresenceEntry[];
  readonly readOnly: boolean;
  /** Heading level of the field's label: h3 in the overview, h2 in the guided start. */
  readonly level?: 2 | 3;
};

/** One long text of the cycle: label, a short helper text, who else is writing here, and the editor. */
export function RichTextField({ field, presence, readOnly, level }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession('cycle');
  // The provider's awareness (remote carets) appears once connected and changes on reconnect.
  const awareness = useSessionState(session, (state) => state.awareness);
  const fragment = useMemo(() => cycleText(session.doc, field), [session, field]);
  const Heading = level === 2 ? 'h2' : 'h3';
  const path = `text:${field}`;
  return (
    <section className="rich-field" data-field={field}>
      <Heading id={`${id}-label`}>{t(`cycle.overview.fields.${field}`)}</Heading>
      <p id={`${id}-hint`} className="muted small rich-field-hint">
        {t(`cycle.overview.hints.${field}`)}
      </p>
      <FocusChips presence={presence} path={path} />
      <Suspense
        fallback={
          <div className="rich-text rich-text-loading muted">
            {t('cycle.overview.editorLoading')}
          </div>
        }
      >
        <CollaborativeEditor
          fragment={fragment}
          docName={session.name}
          focusPath={path}
          awareness={awareness}
          editable={!readOnly}
          labelledBy={`${id}-label`}
          describedBy={`${id}-hint`}
        />
      </Suspense>
    </section>
  );
}
