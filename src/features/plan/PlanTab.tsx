import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  type Modifier,
  PointerSensor,
  type ScreenReaderInstructions,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { researchLessonsMap } from '../../model/cycleDoc.ts';
import type { Phase, PhaseId } from '../../model/cycleTypes.ts';
import { addPhase, MAX_PHASES, movePhase, removePhase, totalMinutes } from '../../model/phases.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import type { CycleViewProps } from '../cycle/cycleViewProps.ts';
import { changeWithUndo } from './changeWithUndo.ts';
import { FindingsForLesson } from './FindingsForLesson.tsx';
import { focusSoon } from './focusSoon.ts';
import { PhaseRow } from './PhaseRow.tsx';
import { PlanTotal } from './PlanTotal.tsx';
import { TemplateChooser } from './TemplateChooser.tsx';
import { useAnnouncer } from './useAnnouncer.ts';
import './plan.css';

/**
 * Which phases show their fields: all closed (the plan reads as an overview)
 * or all open, except the phases the user flipped since.
 */
type OpenState = { readonly allOpen: boolean; readonly flipped: ReadonlySet<PhaseId> };
const ALL_CLOSED: OpenState = { allOpen: false, flipped: new Set() };

/** Phases only move up and down. */
const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/**
 * The lesson plan of the selected research lesson: a list of phase cards,
 * edited together. Closed, the cards are the plan's overview; a phase opens
 * into its fields. The printed plan (PrintView) is the table on paper.
 */
export function PlanTab({ cycle, rlId, readOnly }: CycleViewProps) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const rl = cycle.researchLessons.find((lesson) => lesson.id === rlId) ?? null;
  const phases = rl?.phases ?? [];
  const [toRemove, setToRemove] = useState<{ phase: Phase; number: number } | null>(null);
  const [message, announce] = useAnnouncer();
  const [openState, setOpenState] = useState(ALL_CLOSED);
  const isOpen = (id: PhaseId) => openState.allOpen !== openState.flipped.has(id);
  const toggle = (id: PhaseId) =>
    setOpenState((was) => {
      const flipped = new Set(was.flipped);
      if (!flipped.delete(id)) flipped.add(id);
      return { allOpen: was.allOpen, flipped };
    });
  const setAllOpen = (allOpen: boolean) => setOpenState({ allOpen, flipped: new Set() });
  const [cyclePath] = useLocation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const anyPhase = phases.length > 0;
  useLayoutEffect(() => void (anyPhase && performance.mark('leskring:plan-rendered')), [anyPhase]);

  if (!rl) return <p className="muted">{t('app.loading')}</p>;
  const everyOpen = phases.every((phase) => isOpen(phase.id));
  const rlName = t('plan.rl.long', { number: rl.number });

  const titleOf = (id: unknown): string => {
    const index = phases.findIndex((phase) => phase.id === id);
    const phase = phases[index];
    return phase?.title.trim() || t('plan.phases.untitled', { number: index + 1 });
  };
  const indexOf = (id: unknown) => phases.findIndex((phase) => phase.id === id);
  const positionWords = (id: unknown) => ({
    title: titleOf(id),
    position: indexOf(id) + 1,
    total: phases.length,
  });

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('plan.phases.dnd.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('plan.phases.dnd.over', { ...positionWords(over.id), title: titleOf(active.id) })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('plan.phases.dnd.end', { ...positionWords(over.id), title: titleOf(active.id) })
        : undefined,
    onDragCancel: ({ active }) => t('plan.phases.dnd.cancel', { title: titleOf(active.id) }),
  };
  const screenReaderInstructions: ScreenReaderInstructions = {
    draggable: t('plan.phases.dnd.instructions'),
  };

  function move(phase: Phase, toIndex: number) {
    if (readOnly || toIndex < 0 || toIndex >= phases.length) return;
    void session.change((doc, ctx) => movePhase(doc, rlId, phase.id, toIndex, ctx));
    announce(
      t('plan.phases.moved', {
        title: phase.title.trim() || t('plan.phases.untitled', { number: indexOf(phase.id) + 1 }),
        position: toIndex + 1,
        total: phases.length,
      }),
    );
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const to = indexOf(over.id);
    const id = String(active.id) as Phase['id'];
    if (to >= 0) void session.change((doc, ctx) => movePhase(doc, rlId, id, to, ctx));
  }

  function add(after?: Phase) {
    if (phases.length >= MAX_PHASES) {
      showToast(t('plan.phases.tooMany'));
      return;
    }
    void session.change((doc, ctx) => {
      const id = addPhase(doc, rlId, after ? { after: after.id } : {}, ctx);
      // A phase one adds is one to write: it opens.
      if (!isOpen(id)) toggle(id);
      // Put the writer straight into the new phase's name.
      focusSoon(`[data-phase-id="${id}"] .phase-title textarea`);
    });
  }

  function confirmRemove() {
    const target = toRemove;
    setToRemove(null);
    if (!target) return;
    const title = target.phase.title.trim() || t('plan.phases.untitled', { number: target.number });
    void changeWithUndo(session, researchLessonsMap(session.doc), () =>
      session.change((doc, ctx) => removePhase(doc, rlId, target.phase.id, ctx)),
    ).then((undo) =>
      showToast(t('plan.phases.removed', { title }), { label: t('common.undo'), run: undo }),
    );
  }

  return (
    <section className="plan stack" aria-labelledby="plan-heading">
      <div className="plan-header">
        <h2 id="plan-heading">{t('plan.phases.heading', { rl: rlName })}</h2>
        <p className="muted small">{t('plan.phases.intro')}</p>
        {readOnly && <p className="notice">{t('plan.readOnly')}</p>}
        <PlanTotal total={totalMinutes(phases)} lessonMinutes={cycle.meta.lessonMinutes} />
        {phases.length > 0 && (
          <div className="row plan-view-toggle">
            <button type="button" data-view-control onClick={() => setAllOpen(!everyOpen)}>
              {t(everyOpen ? 'plan.phases.closeAll' : 'plan.phases.openAll')}
            </button>
          </div>
        )}
      </div>
      {rl.number > 1 && (
        <FindingsForLesson cycle={cycle} rl={rl} cyclePath={cyclePath} readOnly={readOnly} />
      )}
      {phases.length === 0 ? (
        readOnly ? (
          <p className="empty-state">{t('plan.phases.empty')}</p>
        ) : (
          <TemplateChooser rlId={rlId} />
        )
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          modifiers={[restrictToVerticalAxis]}
          accessibility={{ announcements, screenReaderInstructions }}
          onDragEnd={onDragEnd}
        >
          <SortableContext
            items={phases.map((phase) => phase.id)}
            strategy={verticalListSortingStrategy}
          >
            <ol
              className={`phase-list ${readOnly ? 'is-readonly' : ''}`}
              aria-labelledby="plan-heading"
            >
              {phases.map((phase, index) => (
                <PhaseRow
                  key={phase.id}
                  rlId={rlId}
                  phase={phase}
                  index={index}
                  count={phases.length}
                  readOnly={readOnly}
                  open={isOpen(phase.id)}
                  onToggle={(target) => toggle(target.id)}
                  onMove={move}
                  onAddAfter={add}
                  onRemove={(target, number) => setToRemove({ phase: target, number })}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {!readOnly && phases.length > 0 && (
        <div className="row">
          <button
            type="button"
            className="primary"
            onClick={() => add()}
            disabled={phases.length >= MAX_PHASES}
          >
            + {t('plan.phases.add')}
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {message}
      </p>
      <ConfirmDialog
        open={toRemove !== null}
        message={t('plan.phases.removeConfirm', {
          number: toRemove?.number ?? 0,
          title:
            toRemove?.phase.title.trim() ||
            t('plan.phases.untitled', { number: toRemove?.number ?? 0 }),
        })}
        confirmLabel={t('plan.phases.removeShort')}
        onConfirm={confirmRemove}
        onCancel={() => setToRemove(null)}
      />
    </section>
  );
}
