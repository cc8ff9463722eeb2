import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { cycleText } from '../../model/cycleDoc.ts';
import type { CycleTextField } from '../../model/cycleTypes.ts';
import type { PresenceEntry } from '../../sync/presence.ts';
import { FocusChips } from './PresenceAvatars.tsx';

// Tiptap and ProseMirror load only when a long text is first shown: initial JavaScript must stay
// ≤ 200 KB gzipped.
const CollaborativeEditor = lazy(() => import('./CollaborativeEditor.tsx'));

type Props = {
  readonly doc: Y.Doc;
  readonly docName: string;
  readonly field: CycleTextField;
  readonly awareness: Awareness | null;
  readonly presence: readonly PresenceEntry[];
  readonly readOnly: boolean;
  /** Heading level of the field's label: h3 in the overview, h2 in the guided start. */
  readonly level?: 2 | 3;
};

/** One long text of the cycle: label, a short helper text, who else is writing here, and the editor. */
export function RichTextField({
  doc,
  docName,
  field,
  awareness,
  presence,
  readOnly,
  level,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const fragment = useMemo(() => cycleText(doc, field), [doc, field]);
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
          docName={docName}
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
