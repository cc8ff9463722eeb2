import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  exportTemplateJson,
  importTemplate,
  MAX_TEMPLATE_FILE_BYTES,
  parseTemplateJson,
} from '../../../src/model/templateJson.ts';
import { createTemplate, readTemplate, readTemplates } from '../../../src/model/templates.ts';
import { testCtx } from './cycleTestUtils.ts';

const levels = [1, 2, 3, 4].map((value) => ({
  value: value as 1 | 2 | 3 | 4,
  label: `niveau ${value}`,
  descriptor: `beschrijving ${value}`,
}));

function stored() {
  const doc = new Y.Doc();
  const template = createTemplate(
    doc,
    {
      name: 'Kijkwijzer rekenen',
      description: 'Voor groep 6',
      builtIn: null,
      sections: [
        {
          id: 's1',
          title: 'Instructie',
          phaseKey: 'instruction',
          items: [
            { id: 'a', kind: 'rating', scope: 'teacher', label: 'Uitleg', levels },
            { id: 'b', kind: 'tally', scope: 'class', label: 'Regel', teams: ['Rood', 'Blauw'] },
            {
              id: 'c',
              kind: 'interval',
              scope: 'class',
              label: 'Taak',
              intervalMinutes: 4,
              prompt: 'Hoeveel?',
            },
          ],
        },
      ],
    },
    testCtx(1),
    null,
  );
  return { doc, template };
}

const file = (body: unknown) => JSON.stringify(body);

describe('templateJson', () => {
  it('round-trips a template through export and import under new ids', () => {
    const { doc, template } = stored();
    const parsed = parseTemplateJson(exportTemplateJson(template));
    expect(parsed).toEqual({ ok: true, template });
    if (!parsed.ok) return;
    const imported = importTemplate(doc, parsed.template, testCtx(2), null);
    expect(imported.id).not.toBe(template.id);
    expect(imported.sections[0]?.id).not.toBe('s1');
    expect(imported.sections[0]?.items.map((i) => i.id)).not.toContain('a');
    expect(imported.sections[0]?.items.map(({ id: _, ...rest }) => rest)).toEqual(
      template.sections[0]?.items.map(({ id: _, ...rest }) => rest),
    );
    expect(readTemplate(doc, template.id)).toEqual(template);
    expect(readTemplates(doc)).toHaveLength(2);
  });

  it('gives not-json for text that is not JSON', () => {
    expect(parseTemplateJson('<html>')).toEqual({
      ok: false,
      errors: [{ reason: 'not-json', path: '' }],
    });
  });

  it('gives wrong-format for other JSON', () => {
    const { template } = stored();
    for (const body of [[], 'x', { format: 'other', formatVersion: 1, template }]) {
      expect(parseTemplateJson(file(body))).toEqual({
        ok: false,
        errors: [{ reason: 'wrong-format', path: 'format' }],
      });
    }
  });

  it('gives unsupported-version for a format version it does not know', () => {
    const { template } = stored();
    expect(
      parseTemplateJson(file({ format: 'leskring-kijkwijzer', formatVersion: 2, template })),
    ).toEqual({ ok: false, errors: [{ reason: 'unsupported-version', path: 'formatVersion' }] });
  });

  it('gives invalid-field with the path of a field of the wrong shape', () => {
    const { template } = stored();
    const broken = JSON.parse(exportTemplateJson(template));
    broken.template.sections[0].items[1].kind = 'dance';
    delete broken.template.name;
    expect(parseTemplateJson(file(broken))).toEqual({
      ok: false,
      errors: [
        { reason: 'invalid-field', path: 'template.name' },
        { reason: 'invalid-field', path: 'template.sections.0.items.1.kind' },
      ],
    });
  });

  it('gives invalid-field with the path of a broken template rule', () => {
    const { template } = stored();
    const broken = JSON.parse(exportTemplateJson(template));
    broken.template.sections[0].items[0].levels.pop();
    broken.template.sections[0].items[2].intervalMinutes = 90;
    expect(parseTemplateJson(file(broken))).toEqual({
      ok: false,
      errors: [
        { reason: 'invalid-field', path: 'template.sections.0.items.0.levels' },
        { reason: 'invalid-field', path: 'template.sections.0.items.2.intervalMinutes' },
      ],
    });
    broken.template = null;
    expect(parseTemplateJson(file(broken))).toEqual({
      ok: false,
      errors: [{ reason: 'invalid-field', path: 'template' }],
    });
  });

  it('gives too-large for a file over 1 MB, counted in UTF-8 bytes', () => {
    const { template } = stored();
    const big = file({
      format: 'leskring-kijkwijzer',
      formatVersion: 1,
      template: { ...template, description: 'ë'.repeat(MAX_TEMPLATE_FILE_BYTES / 2) },
    });
    expect(big.length).toBeLessThan(MAX_TEMPLATE_FILE_BYTES);
    expect(parseTemplateJson(big)).toEqual({
      ok: false,
      errors: [{ reason: 'too-large', path: '' }],
    });
  });
});
