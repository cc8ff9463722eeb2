import {
  type BuiltInTemplateKey,
  type BuiltInTexts,
  instantiateBuiltIn,
} from '../../model/builtInTemplates.ts';
import type { MemberId } from '../../model/ids.ts';
import { importTemplate } from '../../model/templateJson.ts';
import {
  archiveTemplate,
  createTemplate,
  duplicateTemplate,
  restoreTemplate,
  type Template,
  type TemplateId,
} from '../../model/templates.ts';
import type { DocSession } from '../docSession.ts';

/**
 * The team's kijkwijzer library. Each command resolves once its edit is
 * committed on this device, and rejects, changing nothing, when the model
 * refuses it (an unknown template, a broken rule).
 */

/** Adds a built-in kijkwijzer in the given texts' language as a new template of the team. */
export async function addBuiltInTemplate(
  team: DocSession,
  key: BuiltInTemplateKey,
  texts: BuiltInTexts,
  memberId: MemberId,
): Promise<Template> {
  return team.change((doc, ctx) =>
    createTemplate(doc, instantiateBuiltIn(key, texts, ctx), ctx, memberId),
  );
}

/** Stores a template read from a file as a new template of the team (new ids, not built-in). */
export async function importTemplateCopy(
  team: DocSession,
  template: Template,
  memberId: MemberId,
): Promise<Template> {
  return team.change((doc, ctx) => importTemplate(doc, template, ctx, memberId));
}

/** Copies the latest version of a template into a new one named `name`. */
export async function duplicateTemplateAs(
  team: DocSession,
  id: TemplateId,
  name: string,
  memberId: MemberId,
): Promise<Template> {
  return team.change((doc, ctx) => duplicateTemplate(doc, id, name, ctx, memberId));
}

/** Archives a template (hidden from the library, kept for the runs that used it) or restores it. */
export async function setTemplateArchived(
  team: DocSession,
  id: TemplateId,
  archived: boolean,
): Promise<void> {
  return team.change((doc, ctx) => (archived ? archiveTemplate : restoreTemplate)(doc, id, ctx));
}
