/**
 * A deterministic, full lesson-study cycle for the cycle-open bench (issue 5):
 * three research lessons of 12 phases with every text filled and one
 * anticipated response each, six case pupils and a prediction in every
 * pupil × phase cell of every research lesson. Written with the model
 * functions (src/model) under a seeded context, so every run opens the same
 * document.
 */
import * as Y from 'yjs';
import { addCasePupil } from '../../src/model/casePupils.ts';
import { cycleText, initCycleDoc, readCycle, summarizeCycle } from '../../src/model/cycleDoc.ts';
import {
  CYCLE_TEXT_FIELDS,
  type CycleId,
  type CycleSummary,
  MAX_CASE_PUPILS,
  type ModelContext,
  PHASE_TEXT_FIELDS,
  type ResearchLessonId,
} from '../../src/model/cycleTypes.ts';
import type { MemberId } from '../../src/model/ids.ts';
import { addPhase, addResponse, phaseText, responseText } from '../../src/model/phases.ts';
import { predictionText } from '../../src/model/predictions.ts';
import { prepareNextResearchLesson } from '../../src/model/researchLessons.ts';
import { applyTextEdit } from '../../src/model/textBinding.ts';
import { seededIds, seededRandom } from './seeded.ts';

export const FIXTURE_PHASES = 12;
export const FIXTURE_RESEARCH_LESSONS = 3;
export const FIXTURE_CASE_PUPILS = MAX_CASE_PUPILS;
export const FIXTURE_TITLE = 'Breuken vergelijken (bench)';

const WORDS = (
  'de leerlingen vergelijken breuken met gelijke en ongelijke noemers op de getallenlijn en ' +
  'leggen in tweetallen uit waarom een breuk groter is de leraar stelt open vragen en laat ' +
  'strookjes zien observanten letten op strategieën fouten en het gebruik van het model'
).split(' ');

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1)
    out.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'breuk');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Writes the whole cycle into an empty `doc` (as one member would, in a few hundred edits). */
export function buildCycleFixture(doc: Y.Doc, createdBy: MemberId, seed = 0xc7c1_e000): void {
  const ids = seededIds(seed);
  const random = seededRandom(seed ^ 0x5a5a_5a5a);
  let tick = 0;
  const ctx: ModelContext = {
    // One minute per write from a fixed start: deterministic and increasing.
    now: () => new Date(Date.UTC(2026, 8, 1, 8, 0) + 60_000 * tick++).toISOString(),
    newId: ids,
    origin: { kind: 'bench', what: 'cycle-fixture' },
  };
  const text = (ytext: Y.Text | null, value: string) => {
    if (ytext === null) throw new Error('fixture: missing text');
    applyTextEdit(ytext, value, ctx.origin);
  };

  initCycleDoc(
    doc,
    {
      title: FIXTURE_TITLE,
      subject: 'Rekenen',
      yearGroup: 'Groep 6',
      lessonMinutes: 60,
      createdBy,
    },
    ctx,
  );
  doc.transact(() => {
    for (const field of CYCLE_TEXT_FIELDS) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(sentence(random, 40))]);
      cycleText(doc, field).insert(0, [paragraph]);
    }
  }, ctx.origin);

  const rl1 = 'rl1' as ResearchLessonId;
  for (let i = 0; i < FIXTURE_PHASES; i += 1) {
    const phaseId = addPhase(
      doc,
      rl1,
      { title: `Fase ${i + 1}: ${sentence(random, 3)}`, minutes: 5 },
      ctx,
    );
    for (const field of PHASE_TEXT_FIELDS) {
      if (field !== 'title') text(phaseText(doc, rl1, phaseId, field), sentence(random, 30));
    }
    const responseId = addResponse(doc, rl1, phaseId, ctx);
    text(responseText(doc, rl1, phaseId, responseId, 'response'), sentence(random, 12));
    text(responseText(doc, rl1, phaseId, responseId, 'answer'), sentence(random, 12));
  }
  const pupils = Array.from({ length: FIXTURE_CASE_PUPILS }, (_, i) =>
    addCasePupil(
      doc,
      { pseudonym: `Leerling ${String.fromCharCode(65 + i)}`, profile: sentence(random, 15) },
      ctx,
    ),
  );
  const fillPredictions = (rlId: ResearchLessonId, note: string) => {
    const lesson = readCycle(doc).researchLessons.find((rl) => rl.id === rlId);
    for (const phase of lesson?.phases ?? []) {
      for (const pupil of pupils) {
        text(predictionText(doc, rlId, pupil, phase.id), `${note}${sentence(random, 20)}`);
      }
    }
  };
  fillPredictions(rl1, '');

  // RL2 and RL3: copies of the previous lesson, revised (every text and prediction changes a bit).
  for (let n = 2; n <= FIXTURE_RESEARCH_LESSONS; n += 1) {
    const rlId = prepareNextResearchLesson(doc, ctx);
    if (rlId === null) throw new Error(`fixture: could not prepare research lesson ${n}`);
    const lesson = readCycle(doc).researchLessons.find((rl) => rl.id === rlId);
    for (const phase of lesson?.phases ?? []) {
      for (const field of PHASE_TEXT_FIELDS) {
        if (field === 'title') continue;
        const ytext = phaseText(doc, rlId, phase.id, field);
        text(ytext, `${ytext?.toString() ?? ''} Bijgesteld na OL${n - 1}: ${sentence(random, 8)}`);
      }
    }
    fillPredictions(rlId, `OL${n}: `);
  }
}

/** The team document's summary of the fixture cycle. */
export function fixtureSummary(doc: Y.Doc, cycleId: CycleId): CycleSummary {
  return summarizeCycle(cycleId, readCycle(doc), '2026-09-01T12:00:00.000Z');
}
