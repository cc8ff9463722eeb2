import type { DocId, MemberId } from './ids.ts';
import type { ItemKind } from './itemKinds.ts';
import type { LearningActivity } from './learningActivities.ts';

/**
 * Plain, immutable snapshots of a cycle document, as the UI renders them.
 * Readers in cycleDoc.ts and friends produce these from the Y.Doc; the UI never
 * holds live Y types except the Y.Text / Y.XmlFragment a collaborative editor
 * binds to.
 */

export type CycleId = DocId;
export type ResearchLessonId = string & { readonly __kind: 'ResearchLessonId' };
export type PhaseId = string & { readonly __kind: 'PhaseId' };
export type CasePupilId = string & { readonly __kind: 'CasePupilId' };
export type RunId = string & { readonly __kind: 'RunId' };
export type ResponseId = string & { readonly __kind: 'ResponseId' };
export type QuestionId = string & { readonly __kind: 'QuestionId' };

/** The stages of a practice-research cycle, in order. */
export const CYCLE_STAGES = [
  'data', // from data to question (nulmeting)
  'question', // research question (leervraag) and goals
  'design', // designing the research lesson
  'teach', // teaching and observing
  'debrief', // nabespreking
  'revise', // revising into the next research lesson
  'impact', // what pupils and teachers learned, what changes
] as const;
export type CycleStage = (typeof CYCLE_STAGES)[number];

/** Long texts of a cycle, each a Y.XmlFragment edited with the collaborative rich-text editor. */
export const CYCLE_TEXT_FIELDS = [
  'startingData',
  'researchQuestion',
  'goals',
  'rationale',
] as const;
export type CycleTextField = (typeof CYCLE_TEXT_FIELDS)[number];

/**
 * Kinds of professional learning the app counts (learningActivities.ts); here,
 * without imports, because the team document's schema needs them and it is
 * part of the app's first screen.
 */
export const ACTIVITY_KINDS = [
  'meeting',
  'taught',
  'observed',
  'debrief',
  'coaching',
  'manual',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A lesson's planned length when nobody set one. */
export const DEFAULT_LESSON_MINUTES = 50;

/** Texts of a phase, each a Y.Text (plain text, merged character by character). */
export const PHASE_TEXT_FIELDS = [
  'title',
  'teacherActions',
  'pupilActivities',
  'observerFocus',
] as const;
export type PhaseTextField = (typeof PHASE_TEXT_FIELDS)[number];

export const MAX_CASE_PUPILS = 6;
export const MAX_RESEARCH_LESSONS = 3;

export type Baseline = {
  readonly id: string;
  readonly label: string;
  readonly value: number | null;
  readonly unit: string;
  /** The same measure again at the end of the cycle (the impact note), or null. */
  readonly after: number | null;
};

export type CycleMeta = {
  readonly schemaVersion: number;
  readonly title: string;
  readonly subject: string;
  readonly yearGroup: string;
  readonly stage: CycleStage;
  /** Planned length of the lesson in minutes, against which the phases' total is shown. */
  readonly lessonMinutes: number;
  readonly createdAt: string;
  readonly createdBy: MemberId | null;
  readonly baselines: readonly Baseline[];
};

/** An anticipated pupil response with the teacher's planned answer. */
export type AnticipatedResponse = {
  readonly id: ResponseId;
  readonly response: string;
  readonly answer: string;
};

export type Phase = {
  readonly id: PhaseId;
  /** Fractional-index key; phases sort by (position, id). */
  readonly position: string;
  readonly minutes: number;
  readonly title: string;
  readonly teacherActions: string;
  readonly pupilActivities: string;
  readonly observerFocus: string;
  readonly responses: readonly AnticipatedResponse[];
  /** The phase of the previous research lesson this one was copied from, for the version diff. */
  readonly copiedFrom: PhaseId | null;
};

export type CasePupil = {
  readonly id: CasePupilId;
  /** e.g. "Leerling A": the only name that ever enters a shared document. */
  readonly pseudonym: string;
  readonly profile: string;
  readonly position: string;
};

export type ResearchLesson = {
  readonly id: ResearchLessonId;
  /** 1, 2, 3: shown as RL1, RL2, RL3. */
  readonly number: number;
  readonly createdAt: string;
  readonly phases: readonly Phase[];
  /** Predictions keyed by `predictionKey(pupilId, phaseId)`; missing = empty. */
  readonly predictions: ReadonlyMap<string, string>;
};

export type RunObserver = {
  readonly memberId: MemberId;
  readonly casePupilIds: readonly CasePupilId[];
};

export type InterviewQuestion = { readonly id: QuestionId; readonly text: string };

export type Run = {
  readonly id: RunId;
  readonly researchLessonId: ResearchLessonId;
  /** ISO date (YYYY-MM-DD) or empty while not planned. */
  readonly date: string;
  readonly className: string;
  readonly teacherId: MemberId | null;
  readonly observers: readonly RunObserver[];
  readonly interviewQuestions: readonly InterviewQuestion[];
  readonly createdAt: string;
};

export type CycleSnapshot = {
  readonly meta: CycleMeta;
  readonly researchLessons: readonly ResearchLesson[];
  readonly casePupils: readonly CasePupil[];
  readonly runs: readonly Run[];
  /** Entries written by peers that failed validation and were skipped. */
  readonly skipped: number;
};

/** What the team document keeps per cycle, so the team page lists cycles without opening them. */
export type CycleSummary = {
  readonly cycleId: CycleId;
  readonly title: string;
  readonly stage: CycleStage;
  readonly researchLessons: number;
  readonly runsTaught: number;
  readonly lastActivityAt: string;
  readonly createdAt: string;
  /** Research lessons with at least one run taught. */
  readonly lessonsTaught: number;
  /** The PLG's year reads these (summaries written before it have the defaults). */
  readonly lessonMinutes: number;
  readonly baselines: readonly SummaryBaseline[];
  readonly activities: readonly LearningActivity[];
  readonly measures: readonly RunMeasures[];
};

/** A baseline (nulmeting) and its new measurement, as the PLG's overview shows it. */
export type SummaryBaseline = {
  readonly label: string;
  readonly unit: string;
  readonly value: number | null;
  readonly after: number | null;
};

/** A kijkwijzer item's measure in one taught run, for the class (see findingChecks.measureItems). */
export type ItemMeasure = {
  /** Kind and label, lower case: the same item across kijkwijzer versions and cycles. */
  readonly key: string;
  readonly label: string;
  readonly kind: ItemKind;
  readonly value: number;
};

export type RunMeasures = {
  readonly runId: RunId;
  /** The research lesson's number (1–3). */
  readonly rl: number;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly items: readonly ItemMeasure[];
};

/** Time and ids come from outside the model, so tests are deterministic. */
export type ModelContext = {
  readonly now: () => string;
  readonly newId: () => string;
  /** Transaction origin of this user's edits (per-user undo tracks exactly this object). */
  readonly origin: object;
};
