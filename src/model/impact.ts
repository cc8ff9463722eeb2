import type * as Y from 'yjs';
import type { CycleSnapshot, Run } from './cycleTypes.ts';
import { type Finding, foldDebrief, readDebriefLog } from './debrief.ts';

/**
 * Closing a cycle: the impact note at the levels of professional-development
 * evaluation (Guskey): how the teachers experienced it, what they learned,
 * what changed in their teaching, and what changed for the pupils' learning,
 * the last with the cycle's starting measurements (nulmeting) against a new
 * measurement (`Baseline.after`). Each level is a shared text of the cycle
 * document, merged per character:
 *
 *   impact:<level>   Y.Text
 */
export const IMPACT_LEVELS = ['experience', 'learning', 'practice', 'pupils'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

export const impactTextName = (level: ImpactLevel): string => `impact:${level}`;

/** The shared text of one level of the impact note. */
export function impactText(doc: Y.Doc, level: ImpactLevel): Y.Text {
  return doc.getText(impactTextName(level));
}

export type OpenQuestion = { readonly run: Run; readonly finding: Finding };

/** The findings marked as an open question in any debrief of the cycle, by run date. */
export function openQuestions(doc: Y.Doc, cycle: CycleSnapshot): OpenQuestion[] {
  const out: OpenQuestion[] = [];
  const runs = [...cycle.runs].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
  for (const run of runs)
    for (const finding of foldDebrief(readDebriefLog(doc, run.id).entries).findings)
      if (finding.openQuestion) out.push({ run, finding });
  return out;
}

/** The research question a next cycle starts from: the open questions, one per line. */
export function nextResearchQuestion(questions: readonly OpenQuestion[]): string {
  return questions
    .map(({ finding }) => finding.text.trim())
    .filter(Boolean)
    .join('\n');
}

export type BaselineChange = {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before, or null while one of them is missing. */
  readonly change: number | null;
};

/** The cycle's starting measurements against the new ones. */
export function baselineChanges(cycle: CycleSnapshot): BaselineChange[] {
  return cycle.meta.baselines.map((baseline) => ({
    id: baseline.id,
    label: baseline.label,
    unit: baseline.unit,
    before: baseline.value,
    after: baseline.after,
    change:
      baseline.value === null || baseline.after === null ? null : baseline.after - baseline.value,
  }));
}
