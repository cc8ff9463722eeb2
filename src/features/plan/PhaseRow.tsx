import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import type { Phase, PhaseTextField, ResearchLessonId } from '../../model/cycleTypes.ts';
import { MAX_PHASE_MINUTES, phaseText, setPhaseMinutes } from '../../model/phases.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { MinutesInput } from './MinutesInput.tsx';
import { ResponsesEditor } from './ResponsesEditor.tsx';

type Props = {
  rlId: ResearchLessonId;
  phase: Phase;
  index: number;
  count: number;
  readOnly: boolean;
  onMove: (phase: Phase, toIndex: number) => void;
  onAddAfter: (phase: Phase) => void;
  onRemove: (phase: Phase, number: number) => void;
};

/** One phase of the lesson plan: a table row on wide screens, a card on narrow ones. */
export function PhaseRow(props: Props) {
  const { rlId, phase, index, count, readOnly } = props;
  const { t } = useTranslation();
  const session = useSession('cycle');
  const number = index + 1;
  const sortable = useSortable({ id: phase.id, disabled: readOnly });
  const style = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };

  const textCell = (field: PhaseTextField) => (
    <td className={`phase-cell phase-${field}`}>
      <span className="cell-label" aria-hidden="true">
        {t(`plan.phases.columns.${field}`)}
      </span>
      <YTextArea
        ytext={phaseText(session.doc, rlId, phase.id, field)}
        origin={session.origin}
        docName={session.name}
        path={`plan:${rlId}:${phase.id}:${field}`}
        label={t('plan.phases.fieldOfPhase', {
          field: t(`plan.phases.columns.${field}`),
          number,
        })}
        readOnly={readOnly}
        rows={3}
      />
    </td>
  );

  return (
    <tr
      ref={sortable.setNodeRef}
      style={style}
      className={`phase-row ${sortable.isDragging ? 'is-dragging' : ''}`}
      data-phase-id={phase.id}
    >
      <td className="phase-order">
        <span className="phase-number">{number}</span>
        {!readOnly && (
          <span className="phase-order-buttons">
            <button
              type="button"
              ref={sortable.setActivatorNodeRef}
              className="icon-button drag-handle"
              aria-label={t('plan.phases.dragHandle', { number })}
              title={t('plan.phases.dragHandle', { number })}
              {...sortable.attributes}
              {...sortable.listeners}
            >
              <span aria-hidden="true">⠿</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('plan.phases.moveUp', { number })}
              title={t('plan.phases.moveUp', { number })}
              disabled={index === 0}
              onClick={() => props.onMove(phase, index - 1)}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('plan.phases.moveDown', { number })}
              title={t('plan.phases.moveDown', { number })}
              disabled={index === count - 1}
              onClick={() => props.onMove(phase, index + 1)}
            >
              <span aria-hidden="true">↓</span>
            </button>
            <button
              type="button"
              className="icon-button add-after"
              aria-label={t('plan.phases.addAfter', { number })}
              title={t('plan.phases.addAfter', { number })}
              onClick={() => props.onAddAfter(phase)}
            >
              <span aria-hidden="true">+</span>
            </button>
            <button
              type="button"
              className="icon-button danger"
              aria-label={t('plan.phases.remove', { number })}
              title={t('plan.phases.remove', { number })}
              onClick={() => props.onRemove(phase, number)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        )}
      </td>
      <td className="phase-cell phase-main">
        <span className="cell-label" aria-hidden="true">
          {t('plan.phases.number', { number })}
        </span>
        <YTextArea
          ytext={phaseText(session.doc, rlId, phase.id, 'title')}
          origin={session.origin}
          docName={session.name}
          path={`plan:${rlId}:${phase.id}:title`}
          label={t('plan.phases.fieldOfPhase', {
            field: t('plan.phases.columns.title'),
            number,
          })}
          readOnly={readOnly}
          singleLine
          maxLength={200}
          className="phase-title"
        />
        <MinutesInput
          value={phase.minutes}
          label={t('plan.phases.minutesLabel', { number })}
          readOnly={readOnly}
          max={MAX_PHASE_MINUTES}
          onChange={(minutes) =>
            void session.change((doc, ctx) => setPhaseMinutes(doc, rlId, phase.id, minutes, ctx))
          }
        />
      </td>
      {textCell('teacherActions')}
      {textCell('pupilActivities')}
      <td className="phase-cell phase-responses">
        <span className="cell-label" aria-hidden="true">
          {t('plan.phases.columns.responses')}
        </span>
        <ResponsesEditor rlId={rlId} phase={phase} number={number} readOnly={readOnly} />
      </td>
      {textCell('observerFocus')}
    </tr>
  );
}
