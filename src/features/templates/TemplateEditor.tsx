import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { MemberId } from '../../model/ids.ts';
import {
  addItem,
  addSection,
  moveItem,
  moveSection,
  removeItem,
  removeSection,
  saveTemplateVersion,
  type Template,
  updateItem,
  updateSection,
  validateTemplate,
} from '../../model/templates.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { ItemEditor } from './ItemEditor.tsx';
import { describePath } from './importErrors.ts';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Draft = Omit<Template, 'version' | 'createdAt' | 'createdBy'>;

type Props = {
  /** The version the draft starts from. */
  template: Template;
  memberId: MemberId;
  onDone: () => void;
};

/** Edits a draft of a kijkwijzer and saves it as a new version; earlier versions stay. */
export function TemplateEditor({ template, memberId, onDone }: Props) {
  const { t } = useTranslation();
  const team = useSession('team');
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    id: template.id,
    name: template.name,
    description: template.description,
    builtIn: template.builtIn,
    sections: template.sections,
  }));
  const issues = useMemo(() => validateTemplate(draft), [draft]);
  const invalid = (path: string) => issues.some((issue) => issue.path === path);

  async function save() {
    if (issues.length > 0) return;
    try {
      // A refused draft throws here and keeps the editor open; a saved one is said so once committed.
      const saving = team.change((doc, ctx) => saveTemplateVersion(doc, draft, ctx, memberId));
      onDone();
      const saved = await saving;
      showToast(
        saved.version === template.version
          ? t('templatesUi.editor.unchanged')
          : t('templatesUi.editor.saved', { version: saved.version }),
      );
    } catch (error) {
      console.error('templates: could not save', error);
      showToast(t('errors.unexpected'));
    }
  }

  return (
    <article className="card template-editor stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('templatesUi.editor.title', { name: template.name })}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('templatesUi.editor.name')}</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          aria-invalid={invalid('name')}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('templatesUi.editor.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={draft.description}
          aria-invalid={invalid('description')}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        />
      </div>
      {draft.sections.map((section, s) => (
        <section
          key={section.id}
          className="section-editor"
          aria-label={t('templatesUi.editor.section', { n: s + 1 })}
        >
          <div className="row section-editor-head">
            <div className="field item-editor-label">
              <label htmlFor={`${id}-section-${section.id}`}>
                {t('templatesUi.editor.sectionTitle', { n: s + 1 })}
              </label>
              <input
                id={`${id}-section-${section.id}`}
                value={section.title}
                aria-invalid={invalid(`sections.${s}.title`)}
                onChange={(event) =>
                  setDraft(updateSection(draft, section.id, { title: event.target.value }))
                }
              />
            </div>
            <div className="row item-editor-buttons">
              <button
                type="button"
                className="icon-button"
                disabled={s === 0}
                aria-label={t('templatesUi.editor.moveUp')}
                title={t('templatesUi.editor.moveUp')}
                onClick={() => setDraft(moveSection(draft, section.id, s - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                disabled={s === draft.sections.length - 1}
                aria-label={t('templatesUi.editor.moveDown')}
                title={t('templatesUi.editor.moveDown')}
                onClick={() => setDraft(moveSection(draft, section.id, s + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('templatesUi.editor.removeSection')}
                title={t('templatesUi.editor.removeSection')}
                onClick={() => setDraft(removeSection(draft, section.id))}
              >
                ×
              </button>
            </div>
          </div>
          <ol className="item-editors">
            {section.items.map((item, i) => (
              <ItemEditor
                key={item.id}
                item={item}
                path={`sections.${s}.items.${i}`}
                invalid={invalid}
                first={i === 0}
                last={i === section.items.length - 1}
                onChange={(patch) => setDraft(updateItem(draft, item.id, patch))}
                onMove={(delta) => setDraft(moveItem(draft, item.id, section.id, i + delta))}
                onRemove={() => setDraft(removeItem(draft, item.id))}
              />
            ))}
          </ol>
          <button
            type="button"
            onClick={() =>
              setDraft(
                addItem(draft, section.id, { kind: 'check', scope: 'class', label: '' }, team.ctx),
              )
            }
          >
            {t('templatesUi.editor.addItem')}
          </button>
        </section>
      ))}
      <button
        type="button"
        onClick={() =>
          setDraft(addSection(draft, { title: t('templatesUi.editor.newSection') }, team.ctx))
        }
      >
        {t('templatesUi.editor.addSection')}
      </button>
      {issues.length > 0 && (
        <div className="notice" data-testid="template-issues">
          <p>
            <strong>{t('templatesUi.editor.issues')}</strong>
          </p>
          <ul className="import-errors">
            {issues.map((issue) => (
              <li key={`${issue.code}:${issue.path}`}>
                {capitalize(describePath(t, issue.path))}: {t(`templatesUi.issues.${issue.code}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row row-end">
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={issues.length > 0}
          onClick={() => void save()}
        >
          {t('templatesUi.editor.save')}
        </button>
      </div>
    </article>
  );
}
