import * as Y from 'yjs';
import { addCasePupil } from './casePupils.ts';
import {
  addBaseline,
  baselinesMap,
  casePupilsMap,
  cycleText,
  initCycleDoc,
  isYMap,
  phasesOf,
  requireInteger,
  requireText,
  researchLessonIdOf,
  researchLessonMap,
  researchLessonsMap,
  runsMap,
  updateCycleMeta,
} from './cycleDoc.ts';
import {
  CYCLE_TEXT_FIELDS,
  type CycleTextField,
  MAX_CASE_PUPILS,
  type ModelContext,
  type PhaseTextField,
} from './cycleTypes.ts';
import { addPhase, addResponse, phaseText, responseText } from './phases.ts';
import { predictionText } from './predictions.ts';

/**
 * The example cycle a new team can load to explore the app (issue 5 §8). The
 * content is plain data, localized in src/i18n (exampleCycle.nl.ts / .en.ts);
 * this module only writes it into an empty cycle document.
 */
export type ExampleCycleContent = {
  readonly title: string;
  readonly subject: string;
  readonly yearGroup: string;
  /** Planned lesson length in minutes (5–480). */
  readonly lessonMinutes: number;
  readonly baseline: {
    readonly label: string;
    readonly value: number | null;
    readonly unit: string;
  };
  /** Paragraphs per long text of the cycle. */
  readonly texts: Readonly<Record<CycleTextField, readonly string[]>>;
  /** The phases of RL1, in order. */
  readonly phases: readonly ({ readonly minutes: number } & Readonly<
    Record<PhaseTextField, string>
  >)[];
  /** Case pupils; `predictions[i]` is the prediction for phase i. */
  readonly casePupils: readonly {
    readonly pseudonym: string;
    readonly profile: string;
    readonly predictions: readonly string[];
  }[];
  /** One anticipated pupil response with the teacher's answer, in phase `phaseIndex`. */
  readonly response: {
    readonly phaseIndex: number;
    readonly response: string;
    readonly answer: string;
  };
};

/** True when the cycle has no content of its own yet (texts, phases, pupils, runs, baselines). */
export function isCycleEmpty(doc: Y.Doc): boolean {
  if (CYCLE_TEXT_FIELDS.some((field) => cycleText(doc, field).length > 0)) return false;
  if (casePupilsMap(doc).size > 0 || runsMap(doc).size > 0 || baselinesMap(doc).size > 0)
    return false;
  for (const rl of researchLessonsMap(doc).values()) {
    if (!isYMap(rl)) continue;
    if ((phasesOf(rl)?.size ?? 0) > 0) return false;
  }
  return true;
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  if (text.length > 0) p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/**
 * Fills an empty cycle with the example (title, subject, year group, a
 * baseline, the long texts as paragraphs, the phases of RL1 with their texts,
 * the case pupils with profiles and a prediction per pupil × phase, one
 * anticipated response), all in one transaction so one undo removes it.
 * Returns false and writes nothing when the cycle is not empty.
 */
export function loadExampleCycle(
  doc: Y.Doc,
  content: ExampleCycleContent,
  ctx: ModelContext,
): boolean {
  if (!isCycleEmpty(doc)) return false;
  const title = requireText(content.title, 'cycle title', 120, 1);
  const lessonMinutes = requireInteger(content.lessonMinutes, 'lesson minutes', 5, 480);
  if (content.casePupils.length > MAX_CASE_PUPILS)
    throw new RangeError(`at most ${MAX_CASE_PUPILS} case pupils`);
  const rlId = researchLessonIdOf(1);
  doc.transact(() => {
    initCycleDoc(
      doc,
      {
        title,
        subject: content.subject,
        yearGroup: content.yearGroup,
        lessonMinutes,
        createdBy: null,
      },
      ctx,
    );
    updateCycleMeta(
      doc,
      { title, subject: content.subject, yearGroup: content.yearGroup, lessonMinutes },
      ctx,
    );
    addBaseline(doc, content.baseline, ctx);
    for (const field of CYCLE_TEXT_FIELDS) {
      const paragraphs = content.texts[field].map(paragraph);
      if (paragraphs.length > 0) cycleText(doc, field).insert(0, paragraphs);
    }
    if (researchLessonMap(doc, rlId) === null) return;
    const phaseIds = content.phases.map((phase) => {
      const id = addPhase(doc, rlId, { title: phase.title, minutes: phase.minutes }, ctx);
      for (const field of ['teacherActions', 'pupilActivities', 'observerFocus'] as const)
        phaseText(doc, rlId, id, field)?.insert(0, phase[field]);
      return id;
    });
    for (const pupil of content.casePupils) {
      const pupilId = addCasePupil(
        doc,
        { pseudonym: pupil.pseudonym, profile: pupil.profile },
        ctx,
      );
      phaseIds.forEach((phaseId, i) => {
        const prediction = pupil.predictions[i] ?? '';
        if (prediction.length > 0)
          predictionText(doc, rlId, pupilId, phaseId)?.insert(0, prediction);
      });
    }
    const responsePhase = phaseIds[content.response.phaseIndex];
    if (responsePhase !== undefined) {
      const responseId = addResponse(doc, rlId, responsePhase, ctx);
      responseText(doc, rlId, responsePhase, responseId, 'response')?.insert(
        0,
        content.response.response,
      );
      responseText(doc, rlId, responsePhase, responseId, 'answer')?.insert(
        0,
        content.response.answer,
      );
    }
  }, ctx.origin);
  return true;
}
