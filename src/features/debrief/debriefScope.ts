import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import { showToast } from '../../app/ui/toasts.ts';
import { translator } from '../../i18n/translate.ts';
import type { CycleId, CycleSnapshot, ResearchLesson, Run, RunId } from '../../model/cycleTypes.ts';
import type { DebriefInput, DebriefState, EvidenceRef } from '../../model/debrief.ts';
import type { Matrix } from '../../model/debriefMatrix.ts';
import type { DebriefSummaries } from '../../model/debriefSummaries.ts';
import { describeItem, describeValue } from '../../model/describeEvent.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import type { MemberId, TeamId } from '../../model/ids.ts';
import type { Template } from '../../model/templates.ts';
import { writeDebrief } from '../../sync/commands/debrief.ts';
import type { DocSession } from '../../sync/docSession.ts';
import type { Labels } from '../timeline/labels.ts';

/** What every part of the debrief screen works with. */
export type DebriefScope = {
  readonly session: DocSession;
  readonly teamId: TeamId;
  readonly cycleId: CycleId;
  readonly runId: RunId;
  readonly me: MemberId;
  readonly cycle: CycleSnapshot;
  readonly run: Run;
  readonly rl: ResearchLesson | undefined;
  readonly template: Template | null;
  readonly state: DebriefState;
  /** The run's effective events, all observers (interview answers included). */
  readonly events: readonly ObservationEvent[];
  readonly eventsById: ReadonlyMap<string, ObservationEvent>;
  /** The predicted-versus-observed matrix of the run, with the team's judgements. */
  readonly matrix: Matrix;
  /** The summaries across observers. */
  readonly summaries: DebriefSummaries;
  readonly labels: Labels;
  /** The team's current members (this member alone while the roster is not there yet). */
  readonly members: readonly MemberId[];
  readonly readOnly: boolean;
  readonly presenting: boolean;
  /** Writes one entry as this member's; a refused entry is said in a toast. Returns whether it was written. */
  readonly write: (input: DebriefInput) => boolean;
};

export const DebriefScopeContext = createContext<DebriefScope | null>(null);

export function useDebriefScope(): DebriefScope {
  const scope = useContext(DebriefScopeContext);
  if (!scope) throw new Error('render inside the debrief page');
  return scope;
}

/** The write function of the scope: errors become a translated toast, never a crash. */
export function makeWrite(
  t: TFunction,
  session: DocSession,
  runId: RunId,
  me: MemberId,
): (input: DebriefInput) => boolean {
  return (input) => {
    try {
      const { saved } = writeDebrief(session, runId, me, input);
      saved.catch(() => showToast(t('debrief.refused')));
      return true;
    } catch {
      showToast(t('debrief.refused'));
      return false;
    }
  };
}

/** How a piece of evidence reads on a chip. */
export function evidenceLabel(
  t: TFunction,
  ref: EvidenceRef,
  scope: Pick<DebriefScope, 'eventsById' | 'labels'>,
): string {
  const { labels } = scope;
  if (ref.type === 'cell')
    return t('debrief.evidence.cell', {
      pupil: labels.pupil(ref.pupilId),
      phase: labels.phase(ref.phaseId),
    });
  if (ref.type === 'summary') {
    const [kind, itemId] = ref.key.split(':', 2);
    const item = itemId ? labels.itemLabel({ itemId, kind: 'tally' }) : ref.key;
    return kind === 'tally' || kind === 'rating'
      ? t(`debrief.evidence.summaryOf.${kind}`, { item })
      : t('debrief.evidence.summary', { label: ref.key });
  }
  const event = scope.eventsById.get(ref.id);
  if (!event) return t('debrief.evidence.unknown');
  return eventLine(t, event, labels);
}

/** One line about an observation: who, what, about whom. */
export function eventLine(t: TFunction, event: ObservationEvent, labels: Labels): string {
  const translate = translator(t);
  const what =
    [describeItem(event, labels.items, translate), describeValue(event, labels.items, translate)]
      .filter(Boolean)
      .join(' ') || t(`timeline.kinds.${event.kind === 'photo' ? 'photo' : 'note'}`);
  const text = event.text
    ? ` “${event.text.length > 80 ? `${event.text.slice(0, 79)}…` : event.text}”`
    : '';
  const pupil = labels.pupil(event.pupilId);
  return `${labels.memberName(event.observer)}: ${what}${text}${pupil ? ` · ${pupil}` : ''}`;
}
