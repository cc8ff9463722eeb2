import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { MenuButton } from '../../app/ui/MenuButton.tsx';
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
  /** Whether the phase shows its fields or a summary of them. */
  open: boolean;
  onToggle: (phase: Phase) => void;
  onMove: (phase: Phase, toIndex: number) => void;
  onAddAfter: (phase: Phase) => void;
  onRemove: (phase: Phase, number: number) => void;
};

const SUMMARY_FIELDS = ['teacherActions', 'pupilActivities', 'observerFocus'] as const;

/**
 * One phase of the lesson plan as a card: its name and minutes on top, with
 * one drag handle and one menu of actions (move, add after, remove) as roomy
 * touch targets; below, its four texts side by side on a landscape tablet and
 * one under the other in portrait. A closed card shows the start of each text,
 * so the plan reads as an overview.
 */
export function PhaseRow(props: Props) {
  const { rlId, phase, index, count, readOnly, open } = props;
  const { t } = useTranslation();
  const session = useSession('cycle');
  const number = index + 1;
  const sortable = useSortable({ id: phase.id, disabled: readOnly });
  const style = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };
  const fieldsId = `phase-fields-${phase.id}`;
  const fieldLabel = (field: PhaseTextField) =>
    t('plan.phases.fieldOfPhase', { field: t(`plan.phases.columns.${field}`), number });

  const textCell = (field: PhaseTextField) => (
    <div className={`phase-cell phase-${field}`}>
      <span className="cell-label" aria-hidden="true">
        {t(`plan.phases.columns.${field}`)}
      </span>
      <YTextArea
        ytext={phaseText(session.doc, rlId, phase.id, field)}
        origin={session.origin}
        docName={session.name}
        path={`plan:${rlId}:${phase.id}:${field}`}
        label={fieldLabel(field)}
        readOnly={readOnly}
        rows={4}
      />
    </div>
  );

  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      className={`phase-row ${sortable.isDragging ? 'is-dragging' : ''} ${open ? 'is-open' : ''}`}
      data-phase-id={phase.id}
    >
      <div className="phase-head">
        {!readOnly && (
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
        )}
        <span className="phase-number" aria-hidden="true">
          {number}
        </span>
        <YTextArea
          ytext={phaseText(session.doc, rlId, phase.id, 'title')}
          origin={session.origin}
          docName={session.name}
          path={`plan:${rlId}:${phase.id}:title`}
          label={fieldLabel('title')}
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
        <button
          type="button"
          className="icon-button phase-toggle"
          data-view-control
          aria-expanded={open}
          aria-controls={open ? fieldsId : undefined}
          aria-label={t(open ? 'plan.phases.close' : 'plan.phases.open', { number })}
          title={t(open ? 'plan.phases.close' : 'plan.phases.open', { number })}
          onClick={() => props.onToggle(phase)}
        >
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        {!readOnly && (
          <MenuButton
            label={t('plan.phases.actions', { number })}
            items={[
              {
                label: t('plan.phases.moveUp', { number }),
                disabled: index === 0,
                onSelect: () => props.onMove(phase, index - 1),
              },
              {
                label: t('plan.phases.moveDown', { number }),
                disabled: index === count - 1,
                onSelect: () => props.onMove(phase, index + 1),
              },
              {
                label: t('plan.phases.addAfter', { number }),
                onSelect: () => props.onAddAfter(phase),
              },
              {
                label: t('plan.phases.remove', { number }),
                danger: true,
                onSelect: () => props.onRemove(phase, number),
              },
            ]}
          >
            <span aria-hidden="true">⋯</span>
          </MenuButton>
        )}
      </div>
      {open ? (
        <div className="phase-fields" id={fieldsId}>
          {textCell('teacherActions')}
          {textCell('pupilActivities')}
          <div className="phase-cell phase-responses">
            <span className="cell-label" aria-hidden="true">
              {t('plan.phases.columns.responses')}
            </span>
            <ResponsesEditor rlId={rlId} phase={phase} number={number} readOnly={readOnly} />
          </div>
          {textCell('observerFocus')}
        </div>
      ) : (
        <PhaseSummary phase={phase} />
      )}
    </li>
  );
}

/** The start of each of a closed phase's texts, for reading the plan at a glance. */
function PhaseSummary({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const lines = SUMMARY_FIELDS.map((field) => ({ field, text: phase[field].trim() })).filter(
    (line) => line.text !== '',
  );
  const responses = phase.responses.filter((response) => response.response.trim() !== '').length;
  if (lines.length === 0 && responses === 0) {
    return <p className="phase-summary muted small">{t('plan.phases.summaryEmpty')}</p>;
  }
  return (
    <dl className="phase-summary small">
      {lines.map(({ field, text }) => (
        <div key={field}>
          <dt>{t(`plan.phases.columns.${field}`)}</dt>
          <dd>{text}</dd>
        </div>
      ))}
      {responses > 0 && (
        <div>
          <dt>{t('plan.phases.columns.responses')}</dt>
          <dd>{t('plan.phases.summaryResponses', { count: responses })}</dd>
        </div>
      )}
    </dl>
  );
}
