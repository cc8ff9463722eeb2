import type { CasePupil, Phase, PhaseId } from './cycleTypes.ts';
import { type CellJudgement, cellKey } from './debrief.ts';
import { OBSERVATION_KINDS, type ObservationEvent } from './eventLog.ts';
import type { MemberId } from './ids.ts';
import { isInterviewEvent } from './interviews.ts';
import { predictionKey } from './predictions.ts';

/**
 * The predicted-versus-observed matrix of a run: case pupil × phase, each
 * cell with the team's prediction, every observer's evidence (notes, tallies,
 * ratings, checks, photos) and the team's agreed judgement. Generated from
 * the data, never typed: the debrief's round per case pupil walks through it.
 */

/** One observer's records of a pupil in a phase, in lesson-clock order. */
export type ObserverEvidence = {
  readonly observer: MemberId;
  readonly events: readonly ObservationEvent[];
};

export type CellTotals = {
  readonly tallies: number;
  readonly notes: number;
  readonly photos: number;
  /** Checks seen / not seen. */
  readonly checksSeen: number;
  readonly checksNotSeen: number;
  /** Ratings given and their mean (null without ratings). */
  readonly ratings: number;
  readonly ratingMean: number | null;
};

export type MatrixCell = {
  readonly phaseId: PhaseId;
  readonly prediction: string;
  readonly evidence: readonly ObserverEvidence[];
  readonly totals: CellTotals;
  /**
   * Observers disagree: for one item one saw it and another did not, or
   * their ratings lie two or more levels apart. The chair asks both.
   */
  readonly disagreement: boolean;
  readonly judgement: CellJudgement | null;
};

export type MatrixRow = {
  readonly pupil: CasePupil;
  readonly cells: readonly MatrixCell[];
  /** Records of the pupil outside the planned phases (no phase, or a phase not in the plan). */
  readonly unplanned: readonly ObserverEvidence[];
  /** The pupil's interview answers after the lesson. */
  readonly interview: readonly ObservationEvent[];
};

export type Matrix = {
  readonly phases: readonly Phase[];
  readonly rows: readonly MatrixRow[];
  /** Cells with a judgement / all cells: how far the round per case pupil has come. */
  readonly judged: number;
  readonly cells: number;
};

export type MatrixInput = {
  readonly pupils: readonly CasePupil[];
  readonly phases: readonly Phase[];
  /** The research lesson's predictions by `predictionKey(pupilId, phaseId)`. */
  readonly predictions: ReadonlyMap<string, string>;
  /** The run's effective events, all observers (`foldEvents(…).effective`). */
  readonly events: readonly ObservationEvent[];
  /** The debrief's judgements by `cellKey(pupilId, phaseId)`. */
  readonly judgements: ReadonlyMap<string, CellJudgement>;
};

const NONE: readonly ObserverEvidence[] = [];

function byObserver(events: readonly ObservationEvent[]): ObserverEvidence[] {
  const groups = new Map<MemberId, ObservationEvent[]>();
  for (const event of events) {
    const list = groups.get(event.observer);
    if (list) list.push(event);
    else groups.set(event.observer, [event]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([observer, list]) => ({
      observer,
      events: list.sort((a, b) => a.t - b.t || a.seq - b.seq),
    }));
}

function totalsOf(events: readonly ObservationEvent[]): CellTotals {
  let tallies = 0;
  let notes = 0;
  let photos = 0;
  let checksSeen = 0;
  let checksNotSeen = 0;
  let ratings = 0;
  let ratingSum = 0;
  for (const event of events) {
    if (event.kind === 'tally') tallies += typeof event.value === 'number' ? event.value : 1;
    else if (event.kind === 'note') notes++;
    else if (event.kind === 'photo') photos++;
    else if (event.kind === 'check') {
      if (event.value === true) checksSeen++;
      else checksNotSeen++;
    } else if (event.kind === 'rating' && typeof event.value === 'number') {
      ratings++;
      ratingSum += event.value;
    }
  }
  return {
    tallies,
    notes,
    photos,
    checksSeen,
    checksNotSeen,
    ratings,
    ratingMean: ratings === 0 ? null : ratingSum / ratings,
  };
}

/** Whether observers of one cell contradict each other on an item (see MatrixCell.disagreement). */
function observersDisagree(events: readonly ObservationEvent[]): boolean {
  const checks = new Map<string, Map<MemberId, boolean>>();
  const ratings = new Map<string, Map<MemberId, number>>();
  for (const event of events) {
    if (event.itemId === undefined) continue;
    if (event.kind === 'check' && typeof event.value === 'boolean') {
      const perObserver = checks.get(event.itemId) ?? new Map<MemberId, boolean>();
      perObserver.set(event.observer, event.value); // the observer's last word on it
      checks.set(event.itemId, perObserver);
    } else if (event.kind === 'rating' && typeof event.value === 'number') {
      const perObserver = ratings.get(event.itemId) ?? new Map<MemberId, number>();
      perObserver.set(event.observer, event.value);
      ratings.set(event.itemId, perObserver);
    }
  }
  for (const perObserver of checks.values())
    if (new Set(perObserver.values()).size > 1) return true;
  for (const perObserver of ratings.values()) {
    const values = [...perObserver.values()];
    if (values.length > 1 && Math.max(...values) - Math.min(...values) >= 2) return true;
  }
  return false;
}

/**
 * Builds the matrix in one pass over the events. Records of the class or the
 * teacher (no pupil) are not in it: they are in the summaries.
 */
export function debriefMatrix(input: MatrixInput): Matrix {
  const { pupils, phases, predictions, events, judgements } = input;
  const planned = new Set<string>(phases.map((phase) => phase.id));
  const pupilIds = new Set<string>(pupils.map((pupil) => pupil.id));
  const perCell = new Map<string, ObservationEvent[]>();
  const unplanned = new Map<string, ObservationEvent[]>();
  const interviews = new Map<string, ObservationEvent[]>();
  const push = (map: Map<string, ObservationEvent[]>, key: string, event: ObservationEvent) => {
    const list = map.get(key);
    if (list) list.push(event);
    else map.set(key, [event]);
  };
  for (const event of events) {
    const pupilId = event.pupilId;
    if (pupilId === undefined || !pupilIds.has(pupilId)) continue;
    if (isInterviewEvent(event)) push(interviews, pupilId, event);
    else if (!OBSERVATION_KINDS.has(event.kind)) continue;
    else if (event.phaseId !== null && planned.has(event.phaseId))
      push(perCell, cellKey(pupilId, event.phaseId), event);
    else push(unplanned, pupilId, event);
  }
  let judged = 0;
  const rows = pupils.map((pupil): MatrixRow => {
    const cells = phases.map((phase): MatrixCell => {
      const cellEvents = perCell.get(cellKey(pupil.id, phase.id)) ?? [];
      const judgement = judgements.get(cellKey(pupil.id, phase.id)) ?? null;
      if (judgement !== null) judged++;
      return {
        phaseId: phase.id,
        prediction: predictions.get(predictionKey(pupil.id, phase.id)) ?? '',
        evidence: cellEvents.length === 0 ? NONE : byObserver(cellEvents),
        totals: totalsOf(cellEvents),
        disagreement: observersDisagree(cellEvents),
        judgement,
      };
    });
    const interview = (interviews.get(pupil.id) ?? []).sort((a, b) => a.at.localeCompare(b.at));
    const outside = unplanned.get(pupil.id);
    return { pupil, cells, unplanned: outside ? byObserver(outside) : NONE, interview };
  });
  return { phases, rows, judged, cells: pupils.length * phases.length };
}

/** One line of a cell's evidence: an observation, or one observer's tallies of one item together. */
export type EvidenceLine = {
  /** The observation (for tallies: the first of them). */
  readonly event: ObservationEvent;
  /** How many tallies the line stands for; 1 for any other observation. */
  readonly count: number;
};

/**
 * A cell's evidence as a team reads it: per observer, their tallies of one
 * item as one line with the count (a lesson can hold hundreds of tallies per
 * cell, which nobody reads one by one), every other observation on a line of
 * its own, in the order they were first recorded.
 */
export function evidenceLines(groups: readonly ObserverEvidence[]): EvidenceLine[] {
  const lines: Array<{ event: ObservationEvent; count: number }> = [];
  for (const group of groups) {
    const tallyLines = new Map<string, { event: ObservationEvent; count: number }>();
    for (const event of group.events) {
      if (event.kind !== 'tally' || event.itemId === undefined) {
        lines.push({ event, count: 1 });
        continue;
      }
      const count = typeof event.value === 'number' ? event.value : 1;
      const line = tallyLines.get(event.itemId);
      if (line) line.count += count;
      else {
        const fresh = { event, count };
        tallyLines.set(event.itemId, fresh);
        lines.push(fresh);
      }
    }
  }
  return lines;
}
