import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { templatesNl } from '../../../src/i18n/templates.nl.ts';
import { newMemberId, newTeamId } from '../../../src/model/ids.ts';
import {
  readTemplate,
  readTemplateLibrary,
  type TemplateId,
  TemplateValidationError,
} from '../../../src/model/templates.ts';
import {
  addBuiltInTemplate,
  duplicateTemplateAs,
  importTemplateCopy,
  setTemplateArchived,
} from '../../../src/sync/commands/templates.ts';
import {
  closeAllDocs,
  type DocSession,
  openSession,
  readDocLocally,
} from '../../../src/sync/docSession.ts';

async function openTeam(): Promise<DocSession> {
  const session = openSession(newTeamId());
  await session.whenLoaded;
  return session;
}

const memberId = newMemberId();

describe('template commands', () => {
  afterEach(() => closeAllDocs());

  it('adds a built-in as this device’s edit, committed once it resolves', async () => {
    const team = await openTeam();
    const origins: unknown[] = [];
    team.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));

    const added = await addBuiltInTemplate(team, 'edi', templatesNl, memberId);

    expect(added).toMatchObject({ version: 1, builtIn: 'edi', createdBy: memberId });
    expect(origins).toEqual([team.origin]);
    await closeAllDocs();
    const stored = await readDocLocally(team.name, (doc) => readTemplate(doc, added.id));
    expect(stored?.name).toBe(added.name);
  });

  it('imports, duplicates, archives and restores', async () => {
    const team = await openTeam();
    const source = await addBuiltInTemplate(team, 'edi', templatesNl, memberId);

    const imported = await importTemplateCopy(team, source, memberId);
    expect(imported.id).not.toBe(source.id);
    expect(imported.builtIn).toBeNull();

    const copy = await duplicateTemplateAs(team, source.id, 'Kopie', memberId);
    expect(copy).toMatchObject({ name: 'Kopie', version: 1, builtIn: null });

    await setTemplateArchived(team, source.id, true);
    expect(readTemplateLibrary(team.doc).archived.map((s) => s.id)).toEqual([source.id]);
    await setTemplateArchived(team, source.id, false);
    expect(readTemplateLibrary(team.doc).archived).toEqual([]);
    expect(readTemplateLibrary(team.doc).active).toHaveLength(3);
  });

  it('rejects what the model refuses and writes nothing', async () => {
    const team = await openTeam();
    const source = await addBuiltInTemplate(team, 'edi', templatesNl, memberId);
    const before = readTemplateLibrary(team.doc);

    await expect(
      duplicateTemplateAs(team, 'unknown' as TemplateId, 'Kopie', memberId),
    ).rejects.toThrow(RangeError);
    await expect(importTemplateCopy(team, { ...source, name: ' ' }, memberId)).rejects.toThrow(
      TemplateValidationError,
    );
    expect(readTemplateLibrary(team.doc)).toEqual(before);
  });
});
