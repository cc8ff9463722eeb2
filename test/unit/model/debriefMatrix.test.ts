import { describe, expect, it } from 'vitest';
import type { CasePupil, CasePupilId, Phase, PhaseId } from '../../../src/model/cycleTypes.ts';
import { type CellJudgement, cellKey, type Finding } from '../../../src/model/debrief.ts';
import { debriefMatrix, evidenceLines } from '../../../src/model/debriefMatrix.ts';
import {
  debriefSummaries,
  ratingsBySection,
  tallyRows,
  timeOnTask,
} from '../../../src/model/debriefSummaries.ts';
import type { ObservationEvent } from '../../../src/model/eventLog.ts';
import { checkFindings, direction, measureItem } from '../../../src/model/findingChecks.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { predictionKey } from '../../../src/model/predictions.ts';
import type { Template, TemplateId } from '../../../src/model/templates.ts';

const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const P2 = 'phase00000000002' as PhaseId;
const OTHER = 'phase00000000009' as PhaseId;
const A = 'pvpa000000000000' as CasePupilId;
const B = 'pvpb000000000000' as CasePupilId;

const phase = (id: PhaseId, minutes: number): Phase => ({
  id,
  position: id,
  minutes,
  title: id,
  teacherActions: '',
  pupilActivities: '',
  observerFocus: '',
  responses: [],
  copiedFrom: null,
});
const pupil = (id: CasePupilId, pseudonym: string): CasePupil => ({
  id,
  pseudonym,
  profile: '',
  position: id,
});
const PHASES = [phase(P1, 10), phase(P2, 20)];
const PUPILS = [pupil(A, 'Leerling A'), pupil(B, 'Leerling B')];

let seq = 0;
function ev(
  observer: MemberId,
  fields: Partial<ObservationEvent> & Pick<ObservationEvent, 'kind'>,
): ObservationEvent {
  seq++;
  return {
    id: `evt${String(seq).padStart(13, '0')}`,
    observer,
    seq,
    t: 60_000,
    at: `2026-09-01T08:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    phaseId: P1,
    ...fields,
  };
}

const NO_JUDGEMENTS: ReadonlyMap<string, CellJudgement> = new Map();

describe("a cell's evidence lines", () => {
  it("puts one observer's tallies of one item on one line with their count, everything else on a line of its own", () => {
    const first = ev(ANS, { kind: 'tally', itemId: 'hulp', pupilId: A });
    const note = ev(ANS, { kind: 'note', text: 'Pakt de strook', pupilId: A });
    const second = ev(ANS, { kind: 'tally', itemId: 'hulp', pupilId: A, value: 3 });
    const other = ev(ANS, { kind: 'tally', itemId: 'taak', pupilId: A });
    const bram = ev(BRAM, { kind: 'tally', itemId: 'hulp', pupilId: A });
    const lines = evidenceLines([
      { observer: ANS, events: [first, note, second, other] },
      { observer: BRAM, events: [bram] },
    ]);
    expect(lines.map((line) => [line.event.id, line.count])).toEqual([
      [first.id, 4],
      [note.id, 1],
      [other.id, 1],
      [bram.id, 1],
    ]);
  });

  it('is empty without evidence', () => {
    expect(evidenceLines([])).toEqual([]);
  });
});

describe('the predicted-versus-observed matrix', () => {
  it('is empty but complete without any data', () => {
    const matrix = debriefMatrix({
      pupils: PUPILS,
      phases: PHASES,
      predictions: new Map(),
      events: [],
      judgements: NO_JUDGEMENTS,
    });
    expect(matrix.cells).toBe(4);
    expect(matrix.judged).toBe(0);
    expect(
      matrix.rows.map((row) => row.cells.map((cell) => [cell.prediction, cell.evidence.length])),
    ).toEqual([
      [
        ['', 0],
        ['', 0],
      ],
      [
        ['', 0],
        ['', 0],
      ],
    ]);
    expect(
      debriefMatrix({
        pupils: [],
        phases: [],
        predictions: new Map(),
        events: [],
        judgements: NO_JUDGEMENTS,
      }).rows,
    ).toEqual([]);
  });

  it('puts every observer’s evidence, the prediction and the judgement in its cell', () => {
    const events = [
      ev(ANS, { kind: 'start', t: 0 }),
      ev(ANS, { kind: 'note', pupilId: A, text: 'telt op vingers', t: 120_000 }),
      ev(BRAM, { kind: 'tally', pupilId: A, itemId: 'vraagt', value: 2 }),
      ev(BRAM, { kind: 'rating', pupilId: A, itemId: 'begrip', value: 3, phaseId: P2 }),
      ev(ANS, { kind: 'photo', pupilId: A, photo: 'abcdefgh12345678', phaseId: P2 }),
      ev(ANS, { kind: 'tally', itemId: 'klas' }), // the class: not in the matrix
      ev(ANS, { kind: 'note', pupilId: B, text: 'buiten het plan', phaseId: OTHER }),
      ev(BRAM, { kind: 'note', pupilId: B, text: 'geen fase', phaseId: null }),
      ev(ANS, {
        kind: 'note',
        pupilId: A,
        itemId: 'interview:qst0000000000001',
        text: 'de strook',
        phaseId: null,
      }),
      ev(ANS, { kind: 'note', pupilId: 'pvpz000000000000', text: 'geen casusleerling' }),
    ];
    const predictions = new Map([[predictionKey(A, P1), 'A telt op vingers']]);
    const judgements = new Map<string, CellJudgement>([
      [
        cellKey(A, P1),
        { value: 'as-predicted', text: 'klopt', by: ANS, at: '2026-09-02T08:00:00Z' },
      ],
    ]);
    const matrix = debriefMatrix({
      pupils: PUPILS,
      phases: PHASES,
      predictions,
      events,
      judgements,
    });
    const [rowA, rowB] = matrix.rows;
    const a1 = rowA?.cells[0];
    expect(a1?.prediction).toBe('A telt op vingers');
    expect(a1?.evidence.map((e) => [e.observer, e.events.map((x) => x.kind)])).toEqual([
      [ANS, ['note']],
      [BRAM, ['tally']],
    ]);
    expect(a1?.totals).toMatchObject({ tallies: 2, notes: 1 });
    expect(a1?.judgement?.value).toBe('as-predicted');
    expect(rowA?.cells[1]?.totals).toMatchObject({ ratings: 1, ratingMean: 3, photos: 1 });
    expect(rowA?.interview.map((e) => e.text)).toEqual(['de strook']);
    expect(rowB?.cells.every((cell) => cell.evidence.length === 0)).toBe(true);
    expect(rowB?.unplanned.flatMap((e) => e.events.map((x) => x.text))).toEqual([
      'buiten het plan',
      'geen fase',
    ]);
    expect(matrix.judged).toBe(1);
  });

  it('marks a cell where observers disagree, and not where they agree', () => {
    const disagree = [
      ev(ANS, { kind: 'check', pupilId: A, itemId: 'werkt', value: true }),
      ev(BRAM, { kind: 'check', pupilId: A, itemId: 'werkt', value: false }),
      ev(ANS, { kind: 'rating', pupilId: B, itemId: 'begrip', value: 1 }),
      ev(BRAM, { kind: 'rating', pupilId: B, itemId: 'begrip', value: 3 }),
      ev(ANS, { kind: 'rating', pupilId: A, itemId: 'begrip', value: 2, phaseId: P2 }),
      ev(BRAM, { kind: 'rating', pupilId: A, itemId: 'begrip', value: 3, phaseId: P2 }),
      // one observer changing their mind is not a disagreement
      ev(ANS, { kind: 'check', pupilId: B, itemId: 'werkt', value: true, phaseId: P2 }),
      ev(ANS, { kind: 'check', pupilId: B, itemId: 'werkt', value: false, phaseId: P2 }),
    ];
    const matrix = debriefMatrix({
      pupils: PUPILS,
      phases: PHASES,
      predictions: new Map(),
      events: disagree,
      judgements: NO_JUDGEMENTS,
    });
    expect(matrix.rows.map((row) => row.cells.map((cell) => cell.disagreement))).toEqual([
      [true, false],
      [true, false],
    ]);
  });
});

const TEMPLATE: Template = {
  id: 'tpl0000000000001' as TemplateId,
  version: 1,
  name: 'Kijkwijzer',
  description: '',
  builtIn: null,
  createdAt: '2026-09-01T08:00:00Z',
  createdBy: null,
  sections: [
    {
      id: 'instructie',
      title: 'Instructie',
      items: [
        { id: 'uitleg', kind: 'rating', scope: 'teacher', label: 'Uitleg' },
        { id: 'check', kind: 'rating', scope: 'teacher', label: 'Controle van begrip' },
      ],
    },
    {
      id: 'taak',
      title: 'Taakgericht',
      items: [
        {
          id: 'ontaak',
          kind: 'interval',
          scope: 'class',
          label: 'Aan het werk',
          intervalMinutes: 5,
        },
        { id: 'beurt', kind: 'tally', scope: 'class', label: 'Beurten' },
      ],
    },
  ],
};

describe('summaries across observers', () => {
  it('are empty for a run without records', () => {
    const summaries = debriefSummaries({ events: [], phases: PHASES, template: TEMPLATE });
    expect(summaries.ratings).toEqual([]);
    expect(summaries.tallies).toEqual([]);
    expect(summaries.timeOnTask).toEqual([]);
    expect(summaries.time.observer).toBeNull();
    expect(debriefSummaries({ events: [], phases: [], template: null }).ratings).toEqual([]);
  });

  it('group ratings by section, with items outside the kijkwijzer apart', () => {
    const events = [
      ev(ANS, { kind: 'rating', itemId: 'uitleg', value: 4 }),
      ev(BRAM, { kind: 'rating', itemId: 'uitleg', value: 2 }),
      ev(BRAM, { kind: 'rating', itemId: 'check', value: 3 }),
      ev(ANS, { kind: 'rating', itemId: 'oud', value: 1 }),
    ];
    const sections = ratingsBySection(events, TEMPLATE);
    expect(sections.map((s) => [s.sectionId, s.n, s.mean, s.distribution])).toEqual([
      ['instructie', 3, 3, [0, 1, 1, 1]],
      ['', 1, 1, [1, 0, 0, 0]],
    ]);
    expect(ratingsBySection(events, null).map((s) => s.sectionId)).toEqual(['']);
  });

  it('count tallies per phase (outside the plan apart) and per five minutes', () => {
    const events = [
      ev(ANS, { kind: 'tally', itemId: 'beurt', t: 30_000 }),
      ev(BRAM, { kind: 'tally', itemId: 'beurt', t: 6 * 60_000, phaseId: P2, value: 3 }),
      ev(BRAM, { kind: 'tally', itemId: 'beurt', t: 16 * 60_000, phaseId: OTHER }),
      ev(BRAM, { kind: 'tally', itemId: 'beurt', t: 17 * 60_000, phaseId: P2, value: -1 }),
    ];
    expect(tallyRows(events, PHASES)).toEqual([
      {
        itemId: 'beurt',
        perPhase: [
          { phaseId: P1, count: 1 },
          { phaseId: P2, count: 2 },
          { phaseId: null, count: 1 },
        ],
        perInterval: [1, 3, 0, 0],
        total: 4,
      },
    ]);
  });

  it('average the time-on-task answers of all observers per minute', () => {
    const events = [
      ev(ANS, { kind: 'interval', itemId: 'ontaak', t: 5 * 60_000, value: 20 }),
      ev(BRAM, { kind: 'interval', itemId: 'ontaak', t: 5 * 60_000 + 20_000, value: 24 }),
      ev(ANS, { kind: 'interval', itemId: 'ontaak', t: 10 * 60_000, value: 18 }),
    ];
    expect(timeOnTask(events, TEMPLATE.sections[1]?.items ?? [])).toEqual([
      {
        itemId: 'ontaak',
        points: [
          { minute: 5, mean: 22, n: 2 },
          { minute: 10, mean: 18, n: 1 },
        ],
      },
    ]);
  });

  it('leave the interview answers out and report planned against actual time', () => {
    const events = [
      ev(ANS, { kind: 'start', t: 0, phaseId: P1 }),
      ev(ANS, { kind: 'phase', t: 12 * 60_000, phaseId: P2 }),
      ev(ANS, { kind: 'end', t: 30 * 60_000, phaseId: P2 }),
      ev(ANS, { kind: 'note', itemId: 'interview:qst0000000000001', pupilId: A, text: 'x' }),
    ];
    const summaries = debriefSummaries({ events, phases: PHASES, template: TEMPLATE });
    expect(summaries.time.phases.map((p) => [p.phaseId, p.plannedMs, p.actualMs])).toEqual([
      [P1, 10 * 60_000, 12 * 60_000],
      [P2, 20 * 60_000, 18 * 60_000],
    ]);
  });
});

function finding(check: Finding['check']): Finding {
  return {
    id: 'fnd0000000000001',
    text: 'De strook helpt',
    evidence: [],
    changes: [],
    check,
    openQuestion: false,
    by: ANS,
    createdAt: '2026-09-02T08:00:00Z',
    updatedAt: '2026-09-02T08:00:00Z',
  };
}

describe('checking a finding in the next run', () => {
  it('compares the same item for the same case pupil, tallies per observer', () => {
    const rl1 = [
      ev(ANS, { kind: 'tally', itemId: 'vraagt', pupilId: A, value: 4 }),
      ev(BRAM, { kind: 'tally', itemId: 'vraagt', pupilId: A, value: 2 }),
      ev(BRAM, { kind: 'tally', itemId: 'vraagt', value: 9 }), // the class
      ev(BRAM, { kind: 'tally', itemId: 'vraagt', pupilId: B, value: 9 }), // another pupil
    ];
    const rl2 = [ev(ANS, { kind: 'tally', itemId: 'vraagt', pupilId: A, value: 1 })];
    const [result] = checkFindings([finding({ itemId: 'vraagt', pupilId: A })], rl1, rl2);
    expect(result?.before).toEqual({ kind: 'tally', value: 3, n: 2, observers: 2 });
    expect(result?.after).toEqual({ kind: 'tally', value: 1, n: 1, observers: 1 });
    expect(result?.direction).toBe('down');
  });

  it('uses the mean of ratings and the share of checks seen; no data without records', () => {
    const rl1 = [
      ev(ANS, { kind: 'rating', itemId: 'begrip', value: 2 }),
      ev(ANS, { kind: 'check', itemId: 'strook', value: false }),
    ];
    const rl2 = [
      ev(ANS, { kind: 'rating', itemId: 'begrip', value: 3 }),
      ev(BRAM, { kind: 'rating', itemId: 'begrip', value: 4 }),
      ev(ANS, { kind: 'check', itemId: 'strook', value: true }),
      ev(BRAM, { kind: 'check', itemId: 'strook', value: false }),
    ];
    expect(measureItem(rl2, { itemId: 'begrip' }).value).toBe(3.5);
    expect(measureItem(rl2, { itemId: 'strook' }).value).toBe(0.5);
    const results = checkFindings(
      [
        finding({ itemId: 'begrip' }),
        finding({ itemId: 'strook' }),
        finding({ itemId: 'nergens' }),
        finding(null),
      ],
      rl1,
      rl2,
    );
    expect(results.map((r) => r.direction)).toEqual(['up', 'up', 'no-data']);
  });

  it('calls a tiny difference the same', () => {
    const m = (value: number) => ({ kind: 'rating' as const, value, n: 1, observers: 1 });
    expect(direction(m(3), m(3.1))).toBe('same');
    expect(direction(m(0), m(0))).toBe('same');
    expect(direction(m(3), m(2))).toBe('down');
  });
});
