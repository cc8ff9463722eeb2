import { describe, expect, it } from 'vitest';
import { lessonRecords } from '../../../src/features/timeline/timelineRows.ts';
import { en } from '../../../src/i18n/en.ts';
import { nl } from '../../../src/i18n/nl.ts';
import type { CasePupilId, PhaseId, QuestionId, RunId } from '../../../src/model/cycleTypes.ts';
import {
  type DescribeContext,
  describeEvent,
  describeItem,
  describeValue,
  type Translate,
} from '../../../src/model/describeEvent.ts';
import {
  appendEvent,
  type EventInput,
  foldEvents,
  type ObservationEvent,
  readLog,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { recordInterviewAnswer } from '../../../src/model/interviews.ts';
import { recentRecords } from '../../../src/model/liveObservation.ts';
import { parseRunTemplate, runItems } from '../../../src/model/runTemplate.ts';
import { newCycle, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const PA = 'pvpa000000000000' as CasePupilId;

function translateIn(messages: unknown): Translate {
  return (key, values) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
    if (typeof text !== 'string') throw new Error(`no message ${key}`);
    return text.replace(/{{(\w+)}}/g, (_, name: string) => String(values?.[name] ?? `?${name}`));
  };
}
const t = translateIn(nl);

const items = runItems(
  parseRunTemplate({
    id: 'tpl',
    version: 1,
    sections: [
      {
        id: 's',
        title: 'Les',
        items: [
          { id: 'help', kind: 'tally', scope: 'casePupil', label: 'Vraagt om hulp' },
          { id: 'gbg', kind: 'tally', scope: 'class', label: 'Regel overtreden', teams: ['Rood'] },
          { id: 'goal', kind: 'check', scope: 'teacher', label: 'Noemt het doel' },
          {
            id: 'climate',
            kind: 'rating',
            scope: 'class',
            label: 'Klimaat',
            levels: [
              { value: 4, label: 'Sterk', descriptor: '' },
              { value: 3, label: 'Goed', descriptor: '' },
              { value: 2, label: '', descriptor: '' },
              { value: 1, label: 'Zwak', descriptor: '' },
            ],
          },
          { id: 'busy', kind: 'interval', scope: 'class', label: 'Aan het werk' },
        ],
      },
    ],
  }),
);

const context: DescribeContext = {
  items,
  phaseName: (id) => (id === P1 ? 'Lesdoel' : 'Geen fase'),
  pupilName: (id) => (id === PA ? 'Leerling A' : undefined),
};

let seq = 0;
const event = (
  input: Partial<ObservationEvent> & Pick<ObservationEvent, 'kind'>,
): ObservationEvent => ({
  id: `e${seq}`,
  observer: ANS,
  seq: seq++,
  t: 0,
  at: '2026-09-01T08:00:00.000Z',
  phaseId: P1,
  ...input,
});
const line = (input: Partial<ObservationEvent> & Pick<ObservationEvent, 'kind'>) =>
  describeEvent(event(input), context, t);

describe('describeEvent', () => {
  it('names the clock events and corrections', () => {
    expect(line({ kind: 'start' })).toBe('Start');
    expect(line({ kind: 'phase' })).toBe('Naar Lesdoel');
    expect(line({ kind: 'phase', phaseId: null })).toBe('Naar Geen fase');
    expect(line({ kind: 'end' })).toBe('Einde');
    expect(line({ kind: 'undo', target: 'e0' })).toBe('Ongedaan gemaakt');
    expect(line({ kind: 'edit', target: 'e0', text: 'x' })).toBe('Verbeterd');
  });

  it('reads a tally as +n or, when negative, as a correction, for a pupil or a team', () => {
    expect(line({ kind: 'tally', itemId: 'help', pupilId: PA })).toBe(
      '+1 Vraagt om hulp (Leerling A)',
    );
    expect(line({ kind: 'tally', itemId: 'help', value: 2 })).toBe('+2 Vraagt om hulp');
    expect(line({ kind: 'tally', itemId: 'help', value: -1, pupilId: PA })).toBe(
      'Correctie: −1 Vraagt om hulp (Leerling A)',
    );
    expect(line({ kind: 'tally', itemId: 'gbg', team: 0 })).toBe('+1 Regel overtreden · Rood');
    expect(line({ kind: 'tally', itemId: 'gbg', team: 3, value: -2 })).toBe(
      'Correctie: −2 Regel overtreden · team 4',
    );
  });

  it('reads checks, ratings by level value, and interval answers', () => {
    expect(line({ kind: 'check', itemId: 'goal', value: true })).toBe('Noemt het doel: gezien');
    expect(line({ kind: 'check', itemId: 'goal', value: false })).toBe(
      'Noemt het doel: niet gezien',
    );
    expect(line({ kind: 'rating', itemId: 'climate', value: 4 })).toBe('Klimaat: 4 van 4 — Sterk');
    expect(line({ kind: 'rating', itemId: 'climate', value: 1, pupilId: PA })).toBe(
      'Klimaat: 1 van 4 — Zwak (Leerling A)',
    );
    expect(line({ kind: 'rating', itemId: 'climate', value: 2 })).toBe('Klimaat: 2 van 4');
    expect(line({ kind: 'interval', itemId: 'busy', value: 22 })).toBe('Aan het werk: antwoord 22');
  });

  it('reads notes (shortened) and photos, and names unknown items and pupils neutrally', () => {
    expect(line({ kind: 'note', text: 'Legt uit', pupilId: PA })).toBe(
      'Notitie: Legt uit (Leerling A)',
    );
    const long = line({ kind: 'note', text: 'x'.repeat(80) });
    expect(long).toBe(`Notitie: ${'x'.repeat(59)}…`);
    expect(line({ kind: 'photo', photo: 'a'.repeat(64) })).toBe('Foto');
    expect(line({ kind: 'tally', itemId: 'gone', pupilId: 'pvpz000000000000' })).toBe(
      '+1 Onderdeel dat niet in de kijkwijzer staat',
    );
  });

  it('has every text in English too', () => {
    const english = (input: Partial<ObservationEvent> & Pick<ObservationEvent, 'kind'>) =>
      describeEvent(event(input), context, translateIn(en));
    expect(english({ kind: 'tally', itemId: 'help', value: -1 })).toBe(
      'Correction: −1 Vraagt om hulp',
    );
    expect(english({ kind: 'rating', itemId: 'climate', value: 3 })).toBe('Klimaat: 3 of 4 — Goed');
    for (const kind of ['start', 'phase', 'end', 'undo', 'edit', 'photo', 'note'] as const)
      expect(english({ kind })).not.toContain('?');
  });
});

describe('describeItem and describeValue (the timeline’s parts of the same text)', () => {
  const parts = (input: Partial<ObservationEvent> & Pick<ObservationEvent, 'kind'>) => {
    const e = event(input);
    return [describeItem(e, items, t), describeValue(e, items, t)];
  };

  it('agree with the line of the live screen', () => {
    expect(parts({ kind: 'tally', itemId: 'help' })).toEqual(['Vraagt om hulp', '+1']);
    expect(parts({ kind: 'tally', itemId: 'help', value: -1 })).toEqual([
      'Vraagt om hulp',
      '−1 (correctie)',
    ]);
    expect(parts({ kind: 'tally', itemId: 'gbg', team: 0, value: 3 })).toEqual([
      'Regel overtreden · Rood',
      '+3',
    ]);
    expect(parts({ kind: 'check', itemId: 'goal', value: true })).toEqual([
      'Noemt het doel',
      'gezien',
    ]);
    expect(parts({ kind: 'rating', itemId: 'climate', value: 3 })).toEqual([
      'Klimaat',
      '3 van 4 — Goed',
    ]);
    expect(parts({ kind: 'interval', itemId: 'busy', value: 7 })).toEqual([
      'Aan het werk',
      'antwoord 7',
    ]);
  });

  it('are empty where an event has no item or no value', () => {
    expect(parts({ kind: 'note', text: 'Vrij' })).toEqual(['', '']);
    expect(parts({ kind: 'note', itemId: 'help', text: 'Bij onderdeel' })).toEqual([
      'Vraagt om hulp',
      '',
    ]);
    expect(parts({ kind: 'photo', photo: 'a'.repeat(64) })).toEqual(['', '']);
    expect(parts({ kind: 'start' })).toEqual(['', '']);
  });
});

describe('what the screens describe', () => {
  it('leaves pupil-interview answers out of the recent list and the timeline', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const tap = (input: EventInput) => appendEvent(doc, RUN, ANS, input, ctx);
    tap({ kind: 'start', t: 0, phaseId: P1 });
    tap({ kind: 'tally', t: 1000, phaseId: P1, itemId: 'help', pupilId: PA });
    tap({ kind: 'end', t: 2000, phaseId: P1 });
    recordInterviewAnswer(
      doc,
      RUN,
      ANS,
      { questionId: 'q000000000000001' as QuestionId, pupilId: PA, text: 'Met de strook' },
      ctx,
    );
    const { effective } = foldEvents(readLog(doc, RUN, ANS));
    const describe = (events: readonly ObservationEvent[]) =>
      events.map((each) => describeEvent(each, context, t));
    expect(describe(recentRecords(effective, 4))).toEqual(['+1 Vraagt om hulp (Leerling A)']);
    expect(describe(lessonRecords(effective))).toEqual(['+1 Vraagt om hulp (Leerling A)']);
  });
});
