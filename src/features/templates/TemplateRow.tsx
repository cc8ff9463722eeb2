import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../model/templates.ts';

type Props = {
  summary: TemplateSummary;
  /** This template is the one shown in the viewer. */
  selected: boolean;
  /** False for guests and removed members: view and export only. */
  editable: boolean;
  onToggleView: () => void;
  onEdit: () => void;
  onExport: () => void;
  onDuplicate: () => void;
  onArchive: () => void;
  onRestore: () => void;
};

/** One kijkwijzer in the library: what it is, and what can be done with it. */
export function TemplateRow({
  summary,
  selected,
  editable,
  onToggleView,
  onEdit,
  onExport,
  onDuplicate,
  onArchive,
  onRestore,
}: Props) {
  const { t } = useTranslation();
  return (
    <li
      className={`template-row${selected ? ' is-selected' : ''}`}
      data-template-id={summary.id}
      aria-current={selected ? 'true' : undefined}
    >
      <div className="template-row-head">
        <h3 className="template-row-name">{summary.name}</h3>
        {summary.builtIn !== null && (
          <span className="badge">{t('templatesUi.summary.builtIn')}</span>
        )}
      </div>
      {summary.description && <p className="template-row-description">{summary.description}</p>}
      <p className="template-row-meta">
        {t('templatesUi.summary.version', { version: summary.version })}
        {' · '}
        {t('templatesUi.summary.items', { count: summary.itemCount })}
      </p>
      <div className="row template-row-actions">
        <button type="button" aria-expanded={selected} onClick={onToggleView}>
          {selected ? t('templatesUi.actions.hide') : t('templatesUi.actions.view')}
        </button>
        <button type="button" onClick={onExport}>
          {t('templatesUi.actions.export')}
        </button>
        {editable && !summary.archived && (
          <>
            <button type="button" onClick={onEdit}>
              {t('templatesUi.actions.edit')}
            </button>
            <button type="button" onClick={onDuplicate}>
              {t('templatesUi.actions.duplicate')}
            </button>
            <button type="button" onClick={onArchive}>
              {t('templatesUi.actions.archive')}
            </button>
          </>
        )}
        {editable && summary.archived && (
          <button type="button" onClick={onRestore}>
            {t('templatesUi.actions.restore')}
          </button>
        )}
      </div>
    </li>
  );
}
