import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ModelContext } from '../../../src/model/cycleTypes.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import {
  addItem,
  addSection,
  archiveTemplate,
  createTemplate,
  duplicateTemplate,
  moveItem,
  moveSection,
  readTemplate,
  readTemplateLibrary,
  readTemplates,
  readTemplateVersions,
  removeItem,
  removeSection,
  restoreTemplate,
  saveTemplateVersion,
  TEAM_TEMPLATES,
  type Template,
  type TemplateId,
  type TemplateInput,
  type TemplateItem,
  TemplateValidationError,
  updateItem,
  updateSection,
  validateTemplate,
} from '../../../src/model/templates.ts';
import { prng, replica, sync, testCtx } from './cycleTestUtils.ts';

const author = 'a000000000000000' as MemberId;
const levels = [1, 2, 3, 4].map((value) => ({
  value: value as 1 | 2 | 3 | 4,
  label: `niveau ${value}`,
  descriptor: `wat je ziet op niveau ${value}`,
}));

function item(patch: Partial<TemplateItem> & { id: string }): TemplateItem {
  return { kind: 'check', scope: 'class', label: 'Lesdoel op het bord', ...patch };
}

function input(items: TemplateItem[] = [item({ id: 'i1' })]): TemplateInput {
  return {
    name: 'Rekenles',
    description: '',
    builtIn: null,
    sections: [{ id: 's1', title: 'Start', items }],
  };
}

const codes = (t: TemplateInput) => validateTemplate(t).map((i) => `${i.path} ${i.code}`);

describe('validateTemplate', () => {
  it('accepts a template of every item kind', () => {
    expect(
      codes(
        input([
          item({ id: 'a' }),
          item({ id: 'b', kind: 'rating', levels }),
          item({ id: 'c', kind: 'tally', scope: 'casePupil' }),
          item({ id: 'd', kind: 'tally', teams: ['Rood', 'Blauw'] }),
          item({ id: 'e', kind: 'interval', intervalMinutes: 5, prompt: 'Hoeveel?' }),
          item({ id: 'f', kind: 'note', scope: 'teacher' }),
        ]),
      ),
    ).toEqual([]);
  });

  it('requires a name of at most 120 characters', () => {
    expect(codes({ ...input(), name: '  ' })).toEqual(['name name-empty']);
    expect(codes({ ...input(), name: 'x'.repeat(121) })).toEqual(['name name-too-long']);
  });

  it('requires non-empty section titles and item labels', () => {
    const t = input([item({ id: 'i1', label: ' ' })]);
    expect(
      codes({ ...t, sections: [{ id: 's1', title: '', items: t.sections[0]?.items ?? [] }] }),
    ).toEqual(['sections.0.title title-empty', 'sections.0.items.0.label label-empty']);
    expect(codes(input([item({ id: 'i1', label: 'x'.repeat(201) })]))).toEqual([
      'sections.0.items.0.label text-too-long',
    ]);
  });

  it('requires ids to be unique across sections and items', () => {
    expect(codes(input([item({ id: 's1' }), item({ id: 'x' }), item({ id: 'x' })]))).toEqual([
      'sections.0.items.0.id duplicate-id',
      'sections.0.items.2.id duplicate-id',
    ]);
  });

  it('requires a rating to have four levels 1–4 in order, each with a label and descriptor', () => {
    expect(codes(input([item({ id: 'r', kind: 'rating' })]))).toEqual([
      'sections.0.items.0.levels rating-levels',
    ]);
    expect(codes(input([item({ id: 'r', kind: 'rating', levels: levels.slice(0, 3) })]))).toEqual([
      'sections.0.items.0.levels rating-levels',
    ]);
    expect(
      codes(input([item({ id: 'r', kind: 'rating', levels: [...levels].reverse() })])),
    ).toEqual(['sections.0.items.0.levels rating-levels']);
    const noDescriptor = levels.map((l, i) => (i === 2 ? { ...l, descriptor: ' ' } : l));
    expect(codes(input([item({ id: 'r', kind: 'rating', levels: noDescriptor })]))).toEqual([
      'sections.0.items.0.levels.2 level-empty',
    ]);
  });

  it('requires an interval of whole minutes from 1 to 30 with a prompt', () => {
    for (const minutes of [0, 31, 2.5, undefined]) {
      expect(
        codes(input([item({ id: 'v', kind: 'interval', intervalMinutes: minutes, prompt: 'p' })])),
      ).toEqual(['sections.0.items.0.intervalMinutes interval-minutes']);
    }
    expect(codes(input([item({ id: 'v', kind: 'interval', intervalMinutes: 30 })]))).toEqual([
      'sections.0.items.0.prompt interval-prompt',
    ]);
  });

  it('refuses fields that do not belong to the item kind', () => {
    expect(
      codes(input([item({ id: 'c', levels, intervalMinutes: 5, prompt: 'p', teams: ['a', 'b'] })])),
    ).toEqual([
      'sections.0.items.0.levels not-for-kind',
      'sections.0.items.0.intervalMinutes not-for-kind',
      'sections.0.items.0.prompt not-for-kind',
      'sections.0.items.0.teams not-for-kind',
    ]);
  });

  it('requires 2–12 distinct team names on a tally', () => {
    for (const teams of [['Rood'], ['Rood', 'Rood'], ['Rood', ''], Array(13).fill('x')]) {
      expect(codes(input([item({ id: 't', kind: 'tally', teams })]))).toEqual([
        'sections.0.items.0.teams teams',
      ]);
    }
  });

  it('allows at most 200 items and 50 sections', () => {
    const many = Array.from({ length: 201 }, (_, i) => item({ id: `i${i}` }));
    expect(codes(input(many))).toEqual(['sections too-many-items']);
    const sections = Array.from({ length: 51 }, (_, i) => ({ id: `s${i}`, title: 'x', items: [] }));
    expect(codes({ ...input(), sections })).toEqual(['sections too-many-sections']);
  });
});

describe('template editing helpers', () => {
  const ids = testCtx(7);

  it('add, update, move and remove sections and items without changing the input', () => {
    const start = input();
    let t = addSection(start, { title: 'Instructie', phaseKey: 'instruction' }, ids);
    const s2 = t.sections[1]?.id ?? '';
    t = addItem(t, s2, { kind: 'rating', scope: 'teacher', label: 'Uitleg' }, ids);
    const rated = t.sections[1]?.items[0];
    expect(rated?.levels).toHaveLength(4);
    t = addItem(t, 's1', { kind: 'note', scope: 'class', label: 'Notitie' }, ids, 0);
    expect(t.sections[0]?.items.map((i) => i.label)).toEqual(['Notitie', 'Lesdoel op het bord']);
    t = moveItem(t, 'i1', s2, 0);
    expect(t.sections[1]?.items.map((i) => i.id)).toEqual(['i1', rated?.id]);
    expect(t.sections[0]?.items).toHaveLength(1);
    t = moveSection(t, s2, 0);
    expect(t.sections.map((s) => s.title)).toEqual(['Instructie', 'Start']);
    t = updateSection(t, s2, { title: 'Uitleg' });
    expect(t.sections[0]?.title).toBe('Uitleg');
    t = removeItem(t, 'i1');
    expect(t.sections[0]?.items.map((i) => i.id)).toEqual([rated?.id]);
    t = removeSection(t, 's1');
    expect(t.sections.map((s) => s.id)).toEqual([s2]);
    expect(start).toEqual(input());
  });

  it('drops the fields of the old kind when an item changes kind', () => {
    const t = updateItem(input([item({ id: 'r', kind: 'rating', levels })]), 'r', {
      kind: 'interval',
    });
    const changed = t.sections[0]?.items[0];
    expect(changed).toEqual({
      id: 'r',
      kind: 'interval',
      scope: 'class',
      label: 'Lesdoel op het bord',
      intervalMinutes: 5,
      prompt: '',
    });
  });

  it('leaves the template unchanged for unknown ids', () => {
    const t = input();
    expect(addItem(t, 'nope', { kind: 'note', scope: 'class', label: 'x' }, ids)).toBe(t);
    expect(moveItem(t, 'nope', 's1', 0)).toBe(t);
    expect(moveSection(t, 'nope', 0)).toBe(t);
  });
});

describe('templates in the team document', () => {
  it('creates version 1 and reads it back as a plain snapshot', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(1);
    const t = createTemplate(doc, input(), ctx, author);
    expect(t).toMatchObject({ version: 1, name: 'Rekenles', createdBy: author });
    expect(readTemplate(doc, t.id)).toEqual(t);
    expect(readTemplates(doc)).toEqual([
      expect.objectContaining({ id: t.id, version: 1, itemCount: 1, sectionCount: 1 }),
    ]);
  });

  it('refuses an invalid template with its issues', () => {
    const doc = new Y.Doc();
    const error = (() => {
      try {
        createTemplate(doc, { ...input(), name: '' }, testCtx(), null);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TemplateValidationError);
    expect((error as TemplateValidationError).issues).toEqual([
      { code: 'name-empty', path: 'name' },
    ]);
    expect(readTemplates(doc)).toEqual([]);
  });

  it('numbers saved versions and never changes an earlier one', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(2);
    const v1 = createTemplate(doc, input(), ctx, author);
    const v2 = saveTemplateVersion(doc, { ...v1, name: 'Rekenles 2' }, ctx, author);
    const v3 = saveTemplateVersion(doc, { ...v2, description: 'Nieuw' }, ctx, author);
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(readTemplateVersions(doc, v1.id)).toEqual([1, 2, 3]);
    expect(readTemplate(doc, v1.id, 1)).toEqual(v1);
    expect(readTemplate(doc, v1.id)?.description).toBe('Nieuw');
    expect(readTemplates(doc)[0]).toMatchObject({ version: 3, name: 'Rekenles 2' });
  });

  it('writes no version for a draft without changes', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(3);
    const v1 = createTemplate(doc, input(), ctx, author);
    expect(saveTemplateVersion(doc, { ...v1 }, ctx)).toEqual(v1);
    expect(readTemplateVersions(doc, v1.id)).toEqual([1]);
  });

  it('refuses to save a version of an unknown template or an invalid draft', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(4);
    const v1 = createTemplate(doc, input(), ctx, author);
    expect(() =>
      saveTemplateVersion(doc, { ...v1, id: 'zzzzzzzzzzzzzzzz' as TemplateId }, ctx),
    ).toThrow(RangeError);
    expect(() => saveTemplateVersion(doc, { ...v1, name: '' }, ctx)).toThrow(
      TemplateValidationError,
    );
    expect(readTemplateVersions(doc, v1.id)).toEqual([1]);
  });

  it('duplicates the latest version under new ids as version 1', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(5);
    const v1 = createTemplate(doc, { ...input(), builtIn: 'edi' }, ctx, author);
    const copy = duplicateTemplate(doc, v1.id, 'Kopie', ctx, null);
    expect(copy).toMatchObject({ version: 1, name: 'Kopie', builtIn: null });
    expect(copy.id).not.toBe(v1.id);
    expect(copy.sections[0]?.id).not.toBe(v1.sections[0]?.id);
    expect(copy.sections[0]?.items[0]?.id).not.toBe(v1.sections[0]?.items[0]?.id);
    expect(copy.sections[0]?.items[0]?.label).toBe(v1.sections[0]?.items[0]?.label);
    expect(readTemplates(doc).map((t) => t.name)).toEqual(['Kopie', 'Rekenles']);
  });

  it('archives and restores a template without losing its versions', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(6);
    const v1 = createTemplate(doc, input(), ctx, author);
    archiveTemplate(doc, v1.id, ctx);
    expect(readTemplates(doc)).toEqual([]);
    expect(readTemplateLibrary(doc).archived.map((t) => t.id)).toEqual([v1.id]);
    expect(readTemplate(doc, v1.id)).toEqual(v1);
    restoreTemplate(doc, v1.id, ctx);
    expect(readTemplates(doc).map((t) => t.id)).toEqual([v1.id]);
  });

  it('skips and counts malformed entries and versions written by a peer', () => {
    const doc = new Y.Doc();
    const ctx = testCtx(8);
    const good = createTemplate(doc, input(), ctx, author);
    const map = doc.getMap(TEAM_TEMPLATES);
    const entry = map.get(good.id) as Y.Map<unknown>;
    const versions = entry.get('versions') as Y.Map<unknown>;
    const [stored] = [...versions.values()] as Record<string, unknown>[];
    const save = { ...stored, baseVersion: 1, savedAt: '2026-09-02T08:00:00.000Z' };
    doc.transact(() => {
      map.set('not-an-id', new Y.Map());
      map.set('bbbbbbbbbbbbbbbb', 'garbage');
      versions.set(ctx.newId(), { ...save, sections: 'nope' });
      versions.set(ctx.newId(), { ...save, id: 'cccccccccccccccc' });
      versions.set(ctx.newId(), { ...save, name: '' });
      versions.set(ctx.newId(), { ...save, baseVersion: -1 });
      versions.set(ctx.newId(), { ...save, savedAt: undefined });
      versions.set('2', save);
    });
    const library = readTemplateLibrary(doc);
    expect(library.active.map((t) => [t.id, t.version])).toEqual([[good.id, 1]]);
    expect(library.skipped).toBe(8);
    expect(readTemplate(doc, good.id)).toEqual(good);
    expect(readTemplate(doc, good.id, 2)).toBeNull();
    expect(readTemplateVersions(doc, good.id)).toEqual([1]);
  });

  it('converges when two replicas create and save versions at the same time', () => {
    const a = new Y.Doc();
    const ctxA = testCtx(10);
    const base = createTemplate(a, input(), ctxA, author);
    const b = replica(a);
    const ctxB = testCtx(11);
    const fromA = createTemplate(a, { ...input(), name: 'Van A' }, ctxA, author);
    const fromB = createTemplate(b, { ...input(), name: 'Van B' }, ctxB, author);
    saveTemplateVersion(a, { ...base, name: 'Versie A' }, ctxA, author);
    saveTemplateVersion(b, { ...base, name: 'Versie B' }, ctxB, author);
    saveTemplateVersion(b, { ...base, name: 'Versie B2' }, ctxB, author);
    sync(a, b);
    const read = (doc: Y.Doc) => readTemplateLibrary(doc);
    expect(read(a)).toEqual(read(b));
    expect(read(a).skipped).toBe(0);
    expect(
      read(a)
        .active.map((t) => t.id)
        .sort(),
    ).toEqual([base.id, fromA.id, fromB.id].sort());
    const names = (doc: Y.Doc) =>
      readTemplateVersions(doc, base.id).map((n) => readTemplate(doc, base.id, n)?.name);
    expect(names(a)).toEqual(['Rekenles', 'Versie B', 'Versie A', 'Versie B2']);
    expect(names(b)).toEqual(names(a));
    expect(readTemplate(a, base.id, 1)).toEqual(base);
    const next: Template = saveTemplateVersion(a, { ...base, name: 'Daarna' }, ctxA, author);
    expect(next.version).toBe(5);
  });
});

describe('template versions merge: offline edits merge without loss', () => {
  it('keeps both of two concurrent saves of version 1 as versions 2 and 3 on every replica', () => {
    const a = new Y.Doc();
    const ctxA = testCtx(20);
    const v1 = createTemplate(a, input(), ctxA, author);
    const b = replica(a);
    const ctxB = testCtx(21);
    const savedA = saveTemplateVersion(a, { ...v1, name: 'Rekenles (A)' }, ctxA, author);
    const savedB = saveTemplateVersion(b, { ...v1, description: 'Van B' }, ctxB, null);
    expect([savedA.version, savedB.version]).toEqual([2, 2]);
    expect(readTemplate(a, v1.id)).toEqual(savedA);
    expect(readTemplate(b, v1.id)).toEqual(savedB);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(readTemplateVersions(doc, v1.id)).toEqual([1, 2, 3]);
      expect(readTemplate(doc, v1.id, 1)).toEqual(v1);
      expect(readTemplateLibrary(doc).skipped).toBe(0);
    }
    const versions = (doc: Y.Doc) => [1, 2, 3].map((n) => readTemplate(doc, v1.id, n));
    expect(versions(b)).toEqual(versions(a));
    const edits = versions(a).slice(1);
    expect(edits).toContainEqual({ ...savedA, version: expect.any(Number) });
    expect(edits).toContainEqual({ ...savedB, version: expect.any(Number) });
    expect(readTemplates(a)).toEqual(readTemplates(b));
    expect(readTemplates(a)[0]?.version).toBe(3);
    // The next save on either replica builds on version 3; saving version 3 again writes nothing.
    const latest = readTemplate(b, v1.id);
    expect(latest).not.toBeNull();
    if (latest === null) return;
    expect(saveTemplateVersion(b, { ...latest }, ctxB)).toEqual(latest);
    const v4 = saveTemplateVersion(b, { ...latest, name: 'Samen' }, ctxB, null);
    expect(v4.version).toBe(4);
    sync(a, b);
    expect(readTemplateVersions(a, v1.id)).toEqual([1, 2, 3, 4]);
    expect(readTemplate(a, v1.id)).toEqual(v4);
  });

  it('loses no save when replicas save and sync in random order (seeded)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = prng(seed);
      const first = new Y.Doc();
      const v1 = createTemplate(first, input(), testCtx(seed * 10), author);
      const docs = [first, replica(first), replica(first)];
      const ctxs = docs.map((_, i) => testCtx(seed * 10 + i + 1, { user: i }));
      const names = new Set(['Rekenles']);
      for (let step = 0; step < 30; step++) {
        const i = Math.floor(random() * docs.length);
        const doc = docs[i] as Y.Doc;
        if (random() < 0.6) {
          const latest = readTemplate(doc, v1.id) ?? v1;
          const name = `Rekenles ${seed}.${step}`;
          saveTemplateVersion(doc, { ...latest, name }, ctxs[i] as ModelContext, null);
          names.add(name);
        } else {
          sync(doc, docs[(i + 1 + Math.floor(random() * 2)) % docs.length] as Y.Doc);
        }
      }
      for (const doc of docs.slice(1)) sync(first, doc);
      for (const doc of docs.slice(1)) sync(first, doc);
      const read = (doc: Y.Doc) =>
        readTemplateVersions(doc, v1.id).map((n) => readTemplate(doc, v1.id, n));
      const all = read(first);
      expect(
        all.map((t) => t?.version),
        `seed ${seed}`,
      ).toEqual(all.map((_, i) => i + 1));
      expect(all.length, `seed ${seed}`).toBe(names.size);
      expect(new Set(all.map((t) => t?.name)), `seed ${seed}`).toEqual(names);
      for (const doc of docs) expect(read(doc), `seed ${seed}`).toEqual(all);
    }
  });
});
