import { describe, expect, it } from 'vitest';
import type { RunId } from '../../../src/model/cycleTypes.ts';
import { runTemplatesMap, startObservation } from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import {
  levelLabel,
  parseRunTemplate,
  readRunTemplate,
  runItems,
} from '../../../src/model/runTemplate.ts';
import { newCycle, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;

const level = (value: number, label: string) => ({ value, label, descriptor: `${label}…` });

const copy = {
  id: 'tpl',
  version: 2,
  name: 'EDI',
  description: 'Kijkwijzer',
  builtIn: null,
  createdAt: '2026-09-01T08:00:00.000Z',
  createdBy: null,
  sections: [
    {
      id: 's1',
      title: 'Instructie',
      items: [
        {
          id: 'climate',
          kind: 'rating',
          scope: 'class',
          label: 'Klimaat',
          levels: [level(1, 'Zwak'), level(2, 'Matig'), level(3, 'Goed'), level(4, 'Sterk')],
        },
        { id: 'gbg', kind: 'tally', scope: 'class', label: 'Regel overtreden', teams: ['Rood'] },
      ],
    },
    {
      id: 's2',
      title: 'Verwerking',
      items: [
        { id: 'help', kind: 'tally', scope: 'casePupil', label: 'Vraagt om hulp' },
        {
          id: 'busy',
          kind: 'interval',
          scope: 'class',
          label: 'Aan het werk',
          intervalMinutes: 3,
          prompt: 'Hoeveel?',
        },
      ],
    },
  ],
};

describe('parseRunTemplate', () => {
  it('reads a well-formed copy as it was written', () => {
    const template = parseRunTemplate(copy);
    expect(template).toEqual(copy);
    expect([...runItems(template).keys()]).toEqual(['climate', 'gbg', 'help', 'busy']);
  });

  it('is null without a copy, an id or an integer version', () => {
    expect(parseRunTemplate(undefined)).toBeNull();
    expect(parseRunTemplate('tpl')).toBeNull();
    expect(parseRunTemplate([copy])).toBeNull();
    expect(parseRunTemplate({ ...copy, id: 7 })).toBeNull();
    expect(parseRunTemplate({ ...copy, version: 1.5 })).toBeNull();
    expect(parseRunTemplate({ ...copy, version: '2' })).toBeNull();
  });

  it('reads a copy with only an id and a version as an empty kijkwijzer', () => {
    expect(parseRunTemplate({ id: 'tpl', version: 1 })).toEqual({
      id: 'tpl',
      version: 1,
      name: '',
      description: '',
      builtIn: null,
      sections: [],
      createdAt: '',
      createdBy: null,
    });
  });

  it('skips malformed sections and items but keeps the rest, without throwing', () => {
    const template = parseRunTemplate({
      ...copy,
      name: 42,
      sections: [
        'not a section',
        null,
        {
          title: 7,
          items: [
            { id: 'ok', kind: 'check', scope: 'teacher', label: 'Herhaalt het doel' },
            { id: 'dance', kind: 'dance', scope: 'class', label: 'Onbekende soort' },
            { kind: 'check', scope: 'class', label: 'Zonder id' },
            { id: '', kind: 'check', scope: 'class', label: 'Lege id' },
            { id: 'ok', kind: 'tally', scope: 'class', label: 'Dubbele id' },
            'not an item',
            { id: 'bare', kind: 'check' },
            { id: 'odd', kind: 'check', scope: 'everyone', label: 'Onbekende scope' },
            {
              id: 'loose',
              kind: 'rating',
              scope: 'class',
              label: 'Losse niveaus',
              levels: [level(3, 'Goed'), level(9, 'Te hoog'), 'x', level(3, 'Nog eens')],
            },
            {
              id: 'team',
              kind: 'tally',
              scope: 'class',
              label: 'Teams',
              teams: ['Rood', 5, 'Blauw'],
            },
          ],
        },
        { id: 's9', title: 'Zonder onderdelen', items: 'none' },
      ],
    });
    expect(template?.name).toBe('');
    expect(template?.sections.map((s) => [s.id, s.title])).toEqual([
      ['section-2', ''],
      ['s9', 'Zonder onderdelen'],
    ]);
    const items = runItems(template);
    expect([...items.keys()]).toEqual(['ok', 'bare', 'odd', 'loose', 'team']);
    expect(items.get('ok')?.label).toBe('Herhaalt het doel');
    expect(items.get('bare')).toEqual({ id: 'bare', kind: 'check', scope: 'class', label: '' });
    expect(items.get('odd')?.scope).toBe('class');
    expect(items.get('loose')?.levels?.map((l) => l.label)).toEqual(['', '', 'Goed', '']);
    expect(items.get('team')?.teams).toEqual(['Rood', '', 'Blauw']);
  });

  it('fills what an item of its kind needs and drops what it does not have', () => {
    const items = runItems(
      parseRunTemplate({
        id: 'tpl',
        version: 1,
        sections: [
          {
            id: 's',
            title: '',
            items: [
              { id: 'r', kind: 'rating', scope: 'class', label: 'Zonder niveaus' },
              { id: 'i', kind: 'interval', scope: 'class', label: 'Zonder vraag' },
              { id: 'c', kind: 'check', scope: 'class', label: 'Met teams', teams: ['Rood'] },
            ],
          },
        ],
      }),
    );
    expect(items.get('r')?.levels).toHaveLength(4);
    expect(items.get('i')).toMatchObject({ intervalMinutes: 5, prompt: '' });
    expect(items.get('c')?.teams).toBeUndefined();
  });
});

describe('readRunTemplate', () => {
  it('reads the version the run was started with, not a later one', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(readRunTemplate(doc, RUN)).toBeNull();
    startObservation(doc, RUN, ANS, { phaseId: null, template: copy }, ctx);
    startObservation(doc, RUN, BRAM, { phaseId: null, template: { ...copy, version: 3 } }, ctx);
    expect(readRunTemplate(doc, RUN)?.version).toBe(2);
    expect(readRunTemplate(doc, 'rvn0000000000009' as RunId)).toBeNull();
  });

  it('gives the same template until the copy is replaced, and never throws on a peer’s copy', () => {
    const doc = newCycle();
    runTemplatesMap(doc).set(RUN, copy);
    const first = readRunTemplate(doc, RUN);
    expect(readRunTemplate(doc, RUN)).toBe(first);
    runTemplatesMap(doc).set(RUN, { ...copy, version: 4 });
    expect(readRunTemplate(doc, RUN)?.version).toBe(4);
    for (const bad of [42, 'tpl', null, [], { id: 'tpl' }, { ...copy, sections: { 0: 'x' } }])
      runTemplatesMap(doc).set(RUN, bad);
    expect(() => readRunTemplate(doc, RUN)).not.toThrow();
    expect(readRunTemplate(doc, RUN)?.sections).toEqual([]);
  });
});

describe('levelLabel', () => {
  it('looks a rating level up by its value, not its position', () => {
    const items = runItems(
      parseRunTemplate({
        ...copy,
        sections: [
          {
            id: 's',
            title: '',
            items: [
              {
                id: 'r',
                kind: 'rating',
                scope: 'class',
                label: 'Klimaat',
                levels: [level(4, 'Sterk'), level(2, ' Matig '), level(1, 'Zwak')],
              },
            ],
          },
        ],
      }),
    );
    expect(levelLabel(items.get('r'), 4)).toBe('Sterk');
    expect(levelLabel(items.get('r'), 2)).toBe('Matig');
    expect(levelLabel(items.get('r'), 3)).toBe('');
    expect(levelLabel(undefined, 1)).toBe('');
  });
});
