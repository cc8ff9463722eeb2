import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { templatesEn } from '../../../src/i18n/templates.en.ts';
import { templatesNl } from '../../../src/i18n/templates.nl.ts';
import {
  BUILT_IN_TEMPLATE_KEYS,
  type BuiltInTexts,
  instantiateBuiltIn,
} from '../../../src/model/builtInTemplates.ts';
import { LESSON_TEMPLATES } from '../../../src/model/lessonTemplates.ts';
import {
  createTemplate,
  readTemplate,
  TemplateValidationError,
  validateTemplate,
} from '../../../src/model/templates.ts';
import { testCtx } from './cycleTestUtils.ts';

const languages: [string, BuiltInTexts][] = [
  ['nl', templatesNl],
  ['en', templatesEn],
];

describe('instantiateBuiltIn', () => {
  for (const [lang, texts] of languages) {
    for (const key of BUILT_IN_TEMPLATE_KEYS) {
      it(`builds a valid ${key} template in ${lang}`, () => {
        const t = instantiateBuiltIn(key, texts, testCtx(3));
        expect(validateTemplate(t)).toEqual([]);
        expect(t).toMatchObject({ version: 1, builtIn: key, createdBy: null });
        const items = t.sections.flatMap((s) => s.items);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(item.label).not.toMatch(/^[a-z]+[A-Z]\w*$/);
      });
    }
  }

  it('stores a built-in in the team and reads it back', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(4);
    const {
      id: _,
      version: __,
      createdAt: ___,
      createdBy: ____,
      ...input
    } = instantiateBuiltIn('classroomPractice', templatesNl, ctx);
    const saved = createTemplate(doc, input, ctx, null);
    expect(readTemplate(doc, saved.id)).toEqual(saved);
  });

  it('gives each EDI section the phase key of the EDI lesson plan', () => {
    const t = instantiateBuiltIn('edi', templatesNl, testCtx(5));
    expect(t.sections.map((s) => s.phaseKey)).toEqual(LESSON_TEMPLATES.edi.map((p) => p.key));
    expect(t.sections.flatMap((s) => s.items).every((i) => i.kind === 'check')).toBe(true);
  });

  it('rates every classroom-practice item on four described levels across seven domains', () => {
    const t = instantiateBuiltIn('classroomPractice', templatesEn, testCtx(6));
    expect(t.sections).toHaveLength(7);
    for (const item of t.sections.flatMap((s) => s.items)) {
      expect(item.kind).toBe('rating');
      expect(item.levels?.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    }
  });

  it('counts Good Behaviour Game rule breaks per team and samples time on task', () => {
    const gbg = instantiateBuiltIn('goodBehaviourGame', templatesNl, testCtx(7));
    const tallies = gbg.sections.flatMap((s) => s.items).filter((i) => i.kind === 'tally');
    expect(tallies.length).toBeGreaterThan(1);
    for (const tally of tallies) expect(tally.teams?.length).toBeGreaterThanOrEqual(2);
    const tot = instantiateBuiltIn('timeOnTask', templatesNl, testCtx(8));
    const interval = tot.sections.flatMap((s) => s.items).find((i) => i.kind === 'interval');
    expect(interval).toMatchObject({ scope: 'class', intervalMinutes: 5 });
  });

  it('follows each case pupil with a note and a judgement against the prediction', () => {
    const t = instantiateBuiltIn('casePupil', templatesNl, testCtx(9));
    const pupilItems = t.sections.flatMap((s) => s.items).filter((i) => i.scope === 'casePupil');
    expect(pupilItems.map((i) => i.kind)).toEqual(expect.arrayContaining(['note', 'rating']));
    expect(pupilItems.find((i) => i.kind === 'rating')?.levels?.map((l) => l.label)).toEqual([
      'Zoals voorspeld',
      'Beter dan voorspeld',
      'Minder goed dan voorspeld',
      'Niet waargenomen',
    ]);
  });

  it('gives new ids each time it is instantiated', () => {
    const a = instantiateBuiltIn('edi', templatesNl, testCtx(10));
    const b = instantiateBuiltIn('edi', templatesNl, testCtx(11));
    expect(a.id).not.toBe(b.id);
    expect(a.sections[0]?.id).not.toBe(b.sections[0]?.id);
  });

  it('refuses texts that leave a rule broken', () => {
    const broken: BuiltInTexts = {
      ...templatesNl,
      classroomPractice: {
        ...templatesNl.classroomPractice,
        items: { ...templatesNl.classroomPractice.items, respect: { label: 'Zonder niveaus' } },
      },
    };
    expect(() => instantiateBuiltIn('classroomPractice', broken, testCtx(12))).toThrow(
      TemplateValidationError,
    );
  });
});
