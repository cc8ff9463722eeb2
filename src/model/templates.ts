import * as v from 'valibot';
import * as Y from 'yjs';
import type { ModelContext } from './cycleTypes.ts';
import { isId, isMemberId, type MemberId } from './ids.ts';
import { ITEM_KINDS, type ItemKind } from './itemKinds.ts';

/**
 * Kijkwijzers: observation templates. A template is a plain value; the team
 * document keeps every version of it. These top-level names are the schema:
 *
 *   templates  Y.Map  templateId → Y.Map { versions: Y.Map<saveId, StoredVersion>, archived: boolean }
 *
 * A version is written once and never changed: editing a template means
 * editing a draft with the pure helpers below and saving it on top of the
 * latest version. A run copies the version it is observed with, so later
 * edits never change what an observation meant.
 *
 * Version numbers are not stored. Each save is kept under its own id with the
 * number of the version it was based on and when it was saved; readers sort
 * the saves by (baseVersion, savedAt, saveId) and number them 1…n. Two devices
 * that save offline on top of the same version therefore both keep their save,
 * as consecutive versions, numbered the same on every replica. A device's own
 * versions keep their order, but their numbers can move up when an earlier
 * concurrent save arrives.
 */
export const TEAM_TEMPLATES = 'templates';

export { ITEM_KINDS, type ItemKind } from './itemKinds.ts';

/** Whom an item is about: the whole class, the teacher, or each case pupil the observer follows. */
export const ITEM_SCOPES = ['class', 'teacher', 'casePupil'] as const;
export type ItemScope = (typeof ITEM_SCOPES)[number];

export const RATING_VALUES = [1, 2, 3, 4] as const;
export type RatingValue = (typeof RATING_VALUES)[number];

export type TemplateId = string & { readonly __kind: 'TemplateId' };

export const MAX_TEMPLATE_ITEMS = 200;
export const MAX_TEMPLATE_SECTIONS = 50;
export const MAX_TEMPLATE_NAME = 120;
export const MAX_LABEL = 200;
export const MAX_DESCRIPTION = 2000;
export const MAX_TEAMS = 12;
export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 30;
export const DEFAULT_INTERVAL_MINUTES = 5;

export type RatingLevel = {
  readonly value: RatingValue;
  readonly label: string;
  readonly descriptor: string;
};

export type TemplateItem = {
  readonly id: string;
  readonly kind: ItemKind;
  readonly scope: ItemScope;
  readonly label: string;
  readonly description?: string;
  /** Rating only: exactly four, values 1–4 in order, each with a descriptor. */
  readonly levels?: readonly RatingLevel[];
  /** Interval only: minutes between prompts, 1–30. */
  readonly intervalMinutes?: number;
  /** Interval only: the question asked every interval. */
  readonly prompt?: string;
  /** Tally only: teams counted separately (e.g. the Good Behaviour Game); absent = one count. */
  readonly teams?: readonly string[];
};

export type TemplateSection = {
  readonly id: string;
  readonly title: string;
  /** Lesson-plan phase this section belongs to, e.g. an EDI key from lessonTemplates.ts. */
  readonly phaseKey?: string;
  readonly items: readonly TemplateItem[];
};

export type Template = {
  readonly id: TemplateId;
  /** 1, 2, 3…: each saved version gets the next number and is never changed. */
  readonly version: number;
  readonly name: string;
  readonly description: string;
  /** Key of the built-in template this was made from (builtInTemplates.ts), or null. */
  readonly builtIn: string | null;
  readonly sections: readonly TemplateSection[];
  readonly createdAt: string;
  readonly createdBy: MemberId | null;
};

/** What a new template or a draft consists of; id, version and authorship come from the writer. */
export type TemplateInput = Omit<Template, 'id' | 'version' | 'createdAt' | 'createdBy'>;

export type TemplateSummary = {
  readonly id: TemplateId;
  /** The latest version. */
  readonly version: number;
  readonly name: string;
  readonly description: string;
  readonly builtIn: string | null;
  readonly sectionCount: number;
  readonly itemCount: number;
  /** When the latest version was saved, and by whom. */
  readonly updatedAt: string;
  readonly updatedBy: MemberId | null;
  readonly archived: boolean;
};

// ── schema (values read back from the team document or an imported file) ────

const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

const LevelSchema = v.object({
  value: v.picklist(RATING_VALUES),
  label: v.string(),
  descriptor: v.string(),
});

const ItemSchema = v.object({
  id: IdSchema,
  kind: v.picklist(ITEM_KINDS),
  scope: v.picklist(ITEM_SCOPES),
  label: v.string(),
  description: v.optional(v.string()),
  levels: v.optional(v.array(LevelSchema)),
  intervalMinutes: v.optional(v.number()),
  prompt: v.optional(v.string()),
  teams: v.optional(v.array(v.string())),
});

const SectionSchema = v.object({
  id: IdSchema,
  title: v.string(),
  phaseKey: v.optional(v.pipe(v.string(), v.maxLength(64))),
  items: v.array(ItemSchema),
});

/** The shape of a Template; the rules (validateTemplate) are checked separately. */
export const TemplateSchema = v.object({
  id: v.custom<TemplateId>(isId, 'template id'),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name: v.string(),
  description: v.string(),
  builtIn: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  sections: v.pipe(v.array(SectionSchema), v.maxLength(MAX_TEMPLATE_SECTIONS)),
  createdAt: v.string(),
  createdBy: v.nullable(v.custom<MemberId>(isMemberId, 'member id')),
});

// ── validation ──────────────────────────────────────────────────────────────

export const TEMPLATE_ISSUE_CODES = [
  'name-empty',
  'name-too-long',
  'description-too-long',
  'too-many-sections',
  'too-many-items',
  'duplicate-id',
  'title-empty',
  'text-too-long',
  'label-empty',
  'rating-levels', // a rating needs exactly four levels with values 1, 2, 3, 4 in order
  'level-empty', // a level without a label or descriptor
  'interval-minutes', // an interval needs whole minutes from 1 to 30
  'interval-prompt', // an interval needs a prompt
  'teams', // a tally's teams: 2–12 distinct, non-empty names
  'not-for-kind', // levels, interval fields or teams on an item of another kind
] as const;
export type TemplateIssueCode = (typeof TEMPLATE_ISSUE_CODES)[number];

/** One broken rule; `path` points at the field, e.g. `sections.0.items.2.levels`. */
export type TemplateIssue = { readonly code: TemplateIssueCode; readonly path: string };

/** Thrown by writers given a template that breaks a rule. */
export class TemplateValidationError extends RangeError {
  readonly issues: readonly TemplateIssue[];
  constructor(issues: readonly TemplateIssue[]) {
    super(`invalid template: ${issues.map((i) => `${i.path} ${i.code}`).join(', ')}`);
    this.issues = issues;
  }
}

const blank = (text: string | undefined): boolean => (text ?? '').trim().length === 0;

/** Every rule a template value breaks (empty = valid). Pure; never throws. */
export function validateTemplate(t: TemplateInput): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const add = (code: TemplateIssueCode, path: string) => issues.push({ code, path });
  if (blank(t.name)) add('name-empty', 'name');
  else if (t.name.trim().length > MAX_TEMPLATE_NAME) add('name-too-long', 'name');
  if (t.description.length > MAX_DESCRIPTION) add('description-too-long', 'description');
  if (t.sections.length > MAX_TEMPLATE_SECTIONS) add('too-many-sections', 'sections');
  const itemCount = t.sections.reduce((n, s) => n + s.items.length, 0);
  if (itemCount > MAX_TEMPLATE_ITEMS) add('too-many-items', 'sections');
  const ids = new Set<string>();
  const unique = (id: string, path: string) => {
    if (ids.has(id)) add('duplicate-id', path);
    ids.add(id);
  };
  t.sections.forEach((section, s) => {
    const at = `sections.${s}`;
    unique(section.id, `${at}.id`);
    if (blank(section.title)) add('title-empty', `${at}.title`);
    else if (section.title.length > MAX_LABEL) add('text-too-long', `${at}.title`);
    section.items.forEach((item, i) => {
      const path = `${at}.items.${i}`;
      unique(item.id, `${path}.id`);
      validateItem(item, path, add);
    });
  });
  return issues;
}

function validateItem(
  item: TemplateItem,
  path: string,
  add: (code: TemplateIssueCode, path: string) => void,
): void {
  if (blank(item.label)) add('label-empty', `${path}.label`);
  else if (item.label.length > MAX_LABEL) add('text-too-long', `${path}.label`);
  if ((item.description ?? '').length > MAX_DESCRIPTION)
    add('text-too-long', `${path}.description`);
  if (item.kind === 'rating') {
    const levels = item.levels ?? [];
    if (levels.length !== 4 || levels.some((level, i) => level.value !== i + 1))
      add('rating-levels', `${path}.levels`);
    levels.forEach((level, i) => {
      if (blank(level.label) || blank(level.descriptor)) add('level-empty', `${path}.levels.${i}`);
      else if (level.label.length > MAX_LABEL || level.descriptor.length > MAX_DESCRIPTION)
        add('text-too-long', `${path}.levels.${i}`);
    });
  } else if (item.levels !== undefined) add('not-for-kind', `${path}.levels`);
  if (item.kind === 'interval') {
    const minutes = item.intervalMinutes;
    if (
      minutes === undefined ||
      !Number.isInteger(minutes) ||
      minutes < MIN_INTERVAL_MINUTES ||
      minutes > MAX_INTERVAL_MINUTES
    )
      add('interval-minutes', `${path}.intervalMinutes`);
    if (blank(item.prompt)) add('interval-prompt', `${path}.prompt`);
    else if ((item.prompt ?? '').length > MAX_LABEL) add('text-too-long', `${path}.prompt`);
  } else {
    if (item.intervalMinutes !== undefined) add('not-for-kind', `${path}.intervalMinutes`);
    if (item.prompt !== undefined) add('not-for-kind', `${path}.prompt`);
  }
  if (item.teams !== undefined) {
    if (item.kind !== 'tally') add('not-for-kind', `${path}.teams`);
    else {
      const names = item.teams.map((team) => team.trim());
      if (
        names.length < 2 ||
        names.length > MAX_TEAMS ||
        names.some((name) => name.length === 0 || name.length > MAX_LABEL) ||
        new Set(names).size !== names.length
      )
        add('teams', `${path}.teams`);
    }
  }
}

function requireValid(t: TemplateInput): void {
  const issues = validateTemplate(t);
  if (issues.length > 0) throw new TemplateValidationError(issues);
}

// ── pure editing helpers (the editor edits a draft, then saves a version) ──

type IdSource = Pick<ModelContext, 'newId'>;
export type SectionInput = { readonly title: string; readonly phaseKey?: string };
export type ItemInput = Omit<TemplateItem, 'id'>;

const clampIndex = (index: number | undefined, length: number): number =>
  index === undefined || !Number.isFinite(index)
    ? length
    : Math.max(0, Math.min(length, Math.trunc(index)));

function insertAt<T>(list: readonly T[], index: number | undefined, value: T): T[] {
  const out = [...list];
  out.splice(clampIndex(index, list.length), 0, value);
  return out;
}

/** Drops the fields an item of its kind does not have and fills the ones it needs. */
export function normalizeItem(item: TemplateItem): TemplateItem {
  const { levels, intervalMinutes, prompt, teams, ...base } = item;
  switch (item.kind) {
    case 'rating':
      return { ...base, levels: levels ?? emptyLevels() };
    case 'interval':
      return {
        ...base,
        intervalMinutes: intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
        prompt: prompt ?? '',
      };
    case 'tally':
      return teams === undefined ? base : { ...base, teams };
    default:
      return base;
  }
}

/** Four levels 1–4 with empty texts, for a new rating item. */
export function emptyLevels(): RatingLevel[] {
  return RATING_VALUES.map((value) => ({ value, label: '', descriptor: '' }));
}

/** Adds a section at `index` (default: the end). */
export function addSection<T extends TemplateInput>(
  t: T,
  input: SectionInput,
  ids: IdSource,
  index?: number,
): T {
  const section: TemplateSection = { id: ids.newId(), ...input, items: [] };
  return { ...t, sections: insertAt(t.sections, index, section) };
}

export function updateSection<T extends TemplateInput>(
  t: T,
  sectionId: string,
  patch: Partial<SectionInput>,
): T {
  return {
    ...t,
    sections: t.sections.map((s) => (s.id === sectionId ? { ...s, ...patch } : s)),
  };
}

export function removeSection<T extends TemplateInput>(t: T, sectionId: string): T {
  return { ...t, sections: t.sections.filter((s) => s.id !== sectionId) };
}

/** Moves a section so it stands at `toIndex` of the result (clamped). */
export function moveSection<T extends TemplateInput>(t: T, sectionId: string, toIndex: number): T {
  const section = t.sections.find((s) => s.id === sectionId);
  if (section === undefined) return t;
  const rest = t.sections.filter((s) => s.id !== sectionId);
  return { ...t, sections: insertAt(rest, toIndex, section) };
}

/** Adds an item to a section at `index` (default: the end); unknown section = unchanged. */
export function addItem<T extends TemplateInput>(
  t: T,
  sectionId: string,
  input: ItemInput,
  ids: IdSource,
  index?: number,
): T {
  if (!t.sections.some((s) => s.id === sectionId)) return t;
  const item = normalizeItem({ ...input, id: ids.newId() });
  return {
    ...t,
    sections: t.sections.map((s) =>
      s.id === sectionId ? { ...s, items: insertAt(s.items, index, item) } : s,
    ),
  };
}

/** Changes an item; changing its kind drops the fields the new kind does not have. */
export function updateItem<T extends TemplateInput>(
  t: T,
  itemId: string,
  patch: Partial<ItemInput>,
): T {
  return {
    ...t,
    sections: t.sections.map((s) => ({
      ...s,
      items: s.items.map((item) =>
        item.id === itemId ? normalizeItem({ ...item, ...patch, id: item.id }) : item,
      ),
    })),
  };
}

export function removeItem<T extends TemplateInput>(t: T, itemId: string): T {
  return {
    ...t,
    sections: t.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.id !== itemId) })),
  };
}

/** Moves an item to `toIndex` of a section (its own or another); unknown ids = unchanged. */
export function moveItem<T extends TemplateInput>(
  t: T,
  itemId: string,
  toSectionId: string,
  toIndex: number,
): T {
  const item = t.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (item === undefined || !t.sections.some((s) => s.id === toSectionId)) return t;
  return {
    ...t,
    sections: t.sections.map((s) => {
      const rest = s.items.filter((i) => i.id !== itemId);
      return { ...s, items: s.id === toSectionId ? insertAt(rest, toIndex, item) : rest };
    }),
  };
}

/** The same content with fresh ids for the template, its sections and items (duplicate, import). */
export function withNewIds(t: TemplateInput, ids: IdSource): TemplateInput {
  return {
    name: t.name,
    description: t.description,
    builtIn: t.builtIn,
    sections: t.sections.map((s) => ({
      ...s,
      id: ids.newId(),
      items: s.items.map((item) => ({ ...item, id: ids.newId() })),
    })),
  };
}

// ── storage in the team document ────────────────────────────────────────────

export function teamTemplates(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAM_TEMPLATES);
}

function entryOf(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const entry = teamTemplates(doc).get(id);
  return entry instanceof Y.Map ? entry : null;
}

function versionsOf(entry: Y.Map<unknown>): Y.Map<unknown> | null {
  const versions = entry.get('versions');
  return versions instanceof Y.Map ? versions : null;
}

/** One save as stored under its saveId: the template without its (derived) version number. */
const StoredVersionSchema = v.object({
  ...v.omit(TemplateSchema, ['version']).entries,
  /** The version this save was made on top of (0 for the first save of a template). */
  baseVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
  savedAt: v.string(),
});
type StoredVersion = Omit<Template, 'version'> & {
  readonly baseVersion: number;
  readonly savedAt: string;
};
type Save = { readonly saveId: string; readonly stored: StoredVersion };

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Version order: saves sorted by (baseVersion, savedAt, saveId); the first is
 * version 1. A pure function of the set of saves, so every replica agrees.
 */
function sortSaves(saves: readonly Save[]): Save[] {
  return [...saves].sort(
    (a, b) =>
      a.stored.baseVersion - b.stored.baseVersion ||
      compareStrings(a.stored.savedAt, b.stored.savedAt) ||
      compareStrings(a.saveId, b.saveId),
  );
}

function toTemplate(stored: StoredVersion, version: number): Template {
  const { baseVersion: _base, savedAt: _at, ...template } = stored;
  return { ...template, version };
}

const numberSaves = (saves: readonly Save[]): Template[] =>
  sortSaves(saves).map((save, index) => toTemplate(save.stored, index + 1));

/** The valid saves of one template entry and how many were skipped. */
function parseSaves(id: string, entry: Y.Map<unknown>): { saves: Save[]; skipped: number } {
  const saves: Save[] = [];
  let skipped = 0;
  for (const [saveId, raw] of versionsOf(entry)?.entries() ?? []) {
    const parsed = v.safeParse(StoredVersionSchema, raw);
    if (
      !isId(saveId) ||
      !parsed.success ||
      parsed.output.id !== id ||
      validateTemplate(parsed.output).length > 0
    ) {
      skipped++;
      continue;
    }
    saves.push({ saveId, stored: parsed.output });
  }
  return { saves, skipped };
}

/** The valid versions of one template entry, oldest first, and how many were skipped. */
function parseVersions(id: string, entry: Y.Map<unknown>): { list: Template[]; skipped: number } {
  const { saves, skipped } = parseSaves(id, entry);
  return { list: numberSaves(saves), skipped };
}

export type TemplateLibrary = {
  /** Latest version of each template that is not archived, sorted by name. */
  readonly active: readonly TemplateSummary[];
  readonly archived: readonly TemplateSummary[];
  /** Template entries or versions written by peers that failed validation and were skipped. */
  readonly skipped: number;
};

/** All templates of the team, as plain snapshots; malformed peer entries are skipped and counted. */
export function readTemplateLibrary(doc: Y.Doc): TemplateLibrary {
  const active: TemplateSummary[] = [];
  const archived: TemplateSummary[] = [];
  let skipped = 0;
  for (const [id, entry] of teamTemplates(doc).entries()) {
    if (!isId(id) || !(entry instanceof Y.Map)) {
      skipped++;
      continue;
    }
    const versions = parseVersions(id, entry);
    skipped += versions.skipped;
    const latest = versions.list.at(-1);
    if (latest === undefined) continue;
    const isArchived = entry.get('archived') === true;
    (isArchived ? archived : active).push(summarize(latest, isArchived));
  }
  const byName = (a: TemplateSummary, b: TemplateSummary) =>
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return { active: active.sort(byName), archived: archived.sort(byName), skipped };
}

function summarize(t: Template, archived: boolean): TemplateSummary {
  return {
    id: t.id,
    version: t.version,
    name: t.name,
    description: t.description,
    builtIn: t.builtIn,
    sectionCount: t.sections.length,
    itemCount: t.sections.reduce((n, s) => n + s.items.length, 0),
    updatedAt: t.createdAt,
    updatedBy: t.createdBy,
    archived,
  };
}

/** Latest version of each template that is not archived, sorted by name. */
export function readTemplates(doc: Y.Doc): TemplateSummary[] {
  return [...readTemplateLibrary(doc).active];
}

/** One version of a template (default: the latest valid one), or null. */
export function readTemplate(doc: Y.Doc, id: TemplateId, version?: number): Template | null {
  const entry = entryOf(doc, id);
  if (entry === null) return null;
  const { list } = parseVersions(id, entry);
  if (version === undefined) return list.at(-1) ?? null;
  return list.find((t) => t.version === version) ?? null;
}

/** The version numbers of a template that can be read, oldest first. */
export function readTemplateVersions(doc: Y.Doc, id: TemplateId): number[] {
  const entry = entryOf(doc, id);
  return entry === null ? [] : parseVersions(id, entry).list.map((t) => t.version);
}

/** The stored form of a template saved on top of `baseVersion`. */
function toStored(template: Omit<Template, 'version'>, baseVersion: number): StoredVersion {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    builtIn: template.builtIn,
    sections: template.sections,
    createdAt: template.createdAt,
    createdBy: template.createdBy,
    baseVersion,
    savedAt: template.createdAt,
  } satisfies StoredVersion;
}

function writeSave(doc: Y.Doc, save: Save, origin: object, create: boolean): void {
  doc.transact(() => {
    let entry = entryOf(doc, save.stored.id);
    if (entry === null || create) {
      entry = new Y.Map<unknown>();
      entry.set('versions', new Y.Map<unknown>());
      entry.set('archived', false);
      teamTemplates(doc).set(save.stored.id, entry);
    }
    versionsOf(entry)?.set(save.saveId, structuredClone(save.stored));
  }, origin);
}

/** Creates a template (version 1) with a new id. Throws TemplateValidationError if a rule is broken. */
export function createTemplate(
  doc: Y.Doc,
  input: TemplateInput,
  ctx: ModelContext,
  createdBy: MemberId | null,
): Template {
  requireValid(input);
  const template: Template = {
    id: ctx.newId() as TemplateId,
    version: 1,
    name: input.name.trim(),
    description: input.description,
    builtIn: input.builtIn,
    sections: input.sections,
    createdAt: ctx.now(),
    createdBy,
  };
  writeSave(doc, { saveId: ctx.newId(), stored: toStored(template, 0) }, ctx.origin, true);
  return template;
}

/** JSON with object keys sorted and undefined fields left out, to compare contents. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const sameContent = (a: TemplateInput, b: TemplateInput): boolean =>
  canonical([a.name.trim(), a.description, a.builtIn, a.sections]) ===
  canonical([b.name.trim(), b.description, b.builtIn, b.sections]);

/**
 * Saves an edited draft of an existing template as a new version on top of
 * the latest one and returns it with its version number (latest + 1 on this
 * replica; a concurrent save on another device never replaces it, see the
 * module comment). Earlier versions stay as they were. A draft equal to the
 * latest version writes nothing and returns the latest. Throws RangeError for
 * an unknown template and TemplateValidationError for a broken rule.
 */
export function saveTemplateVersion(
  doc: Y.Doc,
  draft: Omit<Template, 'version' | 'createdAt' | 'createdBy'>,
  ctx: ModelContext,
  createdBy: MemberId | null = null,
): Template {
  const entry = entryOf(doc, draft.id);
  if (entry === null) throw new RangeError(`template ${draft.id} does not exist`);
  requireValid(draft);
  const { saves } = parseSaves(draft.id, entry);
  const versions = numberSaves(saves);
  const latest = versions.at(-1);
  if (latest !== undefined && sameContent(latest, draft)) return latest;
  const save: Save = {
    saveId: ctx.newId(),
    stored: toStored(
      {
        id: draft.id,
        name: draft.name.trim(),
        description: draft.description,
        builtIn: draft.builtIn,
        sections: draft.sections,
        createdAt: ctx.now(),
        createdBy,
      },
      latest?.version ?? 0,
    ),
  };
  writeSave(doc, save, ctx.origin, false);
  return toTemplate(save.stored, sortSaves([...saves, save]).indexOf(save) + 1);
}

/** Copies the latest version into a new template (new ids throughout, version 1, not built-in). */
export function duplicateTemplate(
  doc: Y.Doc,
  id: TemplateId,
  newName: string,
  ctx: ModelContext,
  createdBy: MemberId | null,
): Template {
  const source = readTemplate(doc, id);
  if (source === null) throw new RangeError(`template ${id} does not exist`);
  return createTemplate(
    doc,
    { ...withNewIds(source, ctx), name: newName, builtIn: null },
    ctx,
    createdBy,
  );
}

/** Hides a template from the library; its versions stay, so runs that used it keep it. */
export function archiveTemplate(doc: Y.Doc, id: TemplateId, ctx: ModelContext): void {
  setArchived(doc, id, true, ctx);
}

/** Brings an archived template back into the library. */
export function restoreTemplate(doc: Y.Doc, id: TemplateId, ctx: ModelContext): void {
  setArchived(doc, id, false, ctx);
}

function setArchived(doc: Y.Doc, id: TemplateId, archived: boolean, ctx: ModelContext): void {
  const entry = entryOf(doc, id);
  if (entry === null || entry.get('archived') === archived) return;
  doc.transact(() => entry.set('archived', archived), ctx.origin);
}
