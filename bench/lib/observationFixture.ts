/**
 * The cycle fixture with one run observed by three members (the browser's
 * member among them) with the case-pupil kijkwijzer, 5,000 events in all:
 * phase changes, tallies, ratings and notes spread over a 50-minute lesson.
 */
import type * as Y from 'yjs';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { instantiateBuiltIn } from '../../src/model/builtInTemplates.ts';
import { readCycle } from '../../src/model/cycleDoc.ts';
import type { ModelContext, ResearchLessonId, RunId } from '../../src/model/cycleTypes.ts';
import { appendEvent, startObservation } from '../../src/model/eventLog.ts';
import type { MemberId } from '../../src/model/ids.ts';
import { planRun, setObserver } from '../../src/model/runs.ts';
import { buildCycleFixture } from './cycleFixture.ts';
import { seededIds, seededRandom } from './seeded.ts';

export const FIXTURE_EVENTS = 5_000;
const LESSON_MS = 50 * 60_000;

/** Builds the cycle and the observed run; returns the run's id. */
export function buildObservationFixture(doc: Y.Doc, memberId: MemberId, seed = 0x0b5e_0000): RunId {
  buildCycleFixture(doc, memberId);
  const ids = seededIds(seed);
  const random = seededRandom(seed ^ 0x1234_5678);
  let tick = 0;
  const ctx: ModelContext = {
    origin: { bench: 'observation' },
    newId: ids,
    now: () => new Date(Date.UTC(2026, 10, 2, 9, 0, 0, tick++)).toISOString(),
  };
  const rl = 'rl1' as ResearchLessonId;
  const runId = planRun(doc, { researchLessonId: rl, date: '2026-11-02', className: '6B' }, ctx);
  const observers = [memberId, ids() as MemberId, ids() as MemberId];
  const cycle = readCycle(doc);
  const phases = cycle.researchLessons.find((each) => each.id === rl)?.phases ?? [];
  const pupils = cycle.casePupils.map((pupil) => pupil.id);
  const template = instantiateBuiltIn('casePupil', templatesNl, ctx);
  const items = template.sections.flatMap((section) => section.items);
  const item = (kind: string) =>
    items.find((each) => each.kind === kind && each.scope === 'casePupil');
  const tally = item('tally');
  const rating = item('rating');
  const note = item('note');
  if (!tally || !rating || !note || phases.length === 0)
    throw new Error('fixture lacks items or phases');

  const perObserver = Math.floor(FIXTURE_EVENTS / observers.length);
  observers.forEach((observer, index) => {
    setObserver(doc, runId, observer, pupils.slice(index * 2, index * 2 + 2), ctx);
    startObservation(doc, runId, observer, { phaseId: phases[0]?.id ?? null, template }, ctx);
    const count = perObserver - 1 + (index === 0 ? FIXTURE_EVENTS % observers.length : 0);
    doc.transact(() => {
      for (let i = 0; i < count; i++) {
        const t = Math.floor(((i + 1) / (count + 1)) * LESSON_MS);
        const phase =
          phases[Math.min(phases.length - 1, Math.floor((t / LESSON_MS) * phases.length))];
        const pupilId = pupils[Math.floor(random() * pupils.length)];
        const roll = random();
        const base = { t, phaseId: phase?.id ?? null, ...(pupilId ? { pupilId } : {}) };
        if (i % 250 === 0 && phase)
          appendEvent(doc, runId, observer, { kind: 'phase', t, phaseId: phase.id }, ctx);
        else if (roll < 0.7)
          appendEvent(doc, runId, observer, { ...base, kind: 'tally', itemId: tally.id }, ctx);
        else if (roll < 0.9)
          appendEvent(
            doc,
            runId,
            observer,
            { ...base, kind: 'rating', itemId: rating.id, value: 1 + Math.floor(random() * 4) },
            ctx,
          );
        else
          appendEvent(
            doc,
            runId,
            observer,
            {
              ...base,
              kind: 'note',
              itemId: note.id,
              text: `Notitie ${i}: legt de breuk uit met de strook`,
            },
            ctx,
          );
      }
    }, ctx.origin);
  });
  return runId;
}
