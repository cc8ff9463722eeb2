import { useTranslation } from 'react-i18next';
import {
  readTemplate,
  readTemplateVersions,
  type TemplateId,
  type TemplateItem,
} from '../../model/templates.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';

type Props = { id: TemplateId; onClose: () => void };

/** The latest version of one kijkwijzer: its sections and items, read-only. */
export function TemplateView({ id, onClose }: Props) {
  const { t } = useTranslation();
  const { doc } = useSession('team');
  const template = useYSnapshot(doc, (d) => readTemplate(d, id), [id]);
  const versionCount = useYSnapshot(doc, (d) => readTemplateVersions(d, id).length, [id]);
  if (template === null) return null;

  return (
    <article className="card template-view" aria-labelledby={`template-view-${id}`}>
      <div className="row template-view-head">
        <h2 id={`template-view-${id}`}>{template.name}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('templatesUi.view.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p className="muted small">
        {t('templatesUi.view.versionOf', { version: template.version, count: versionCount ?? 1 })}
        {template.builtIn !== null && (
          <>
            {' · '}
            <span className="badge">{t('templatesUi.summary.builtIn')}</span>
          </>
        )}
      </p>
      {template.description && <p>{template.description}</p>}
      {template.sections.length === 0 && (
        <p className="muted">{t('templatesUi.view.noSections')}</p>
      )}
      {template.sections.map((section) => (
        <section key={section.id} className="template-section">
          <h3>{section.title}</h3>
          {section.items.length === 0 ? (
            <p className="muted small">{t('templatesUi.view.noItems')}</p>
          ) : (
            <ol className="template-items">
              {section.items.map((item) => (
                <ItemView key={item.id} item={item} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </article>
  );
}

function ItemView({ item }: { item: TemplateItem }) {
  const { t } = useTranslation();
  return (
    <li className="template-item">
      <div className="template-item-head">
        <span className="template-item-label">{item.label}</span>
        <span className="template-item-tags">
          <span className={`badge kind-${item.kind}`}>{t(`templatesUi.kinds.${item.kind}`)}</span>
          <span className="badge badge-quiet">{t(`templatesUi.scopes.${item.scope}`)}</span>
        </span>
      </div>
      {item.description && <p className="muted small">{item.description}</p>}
      {item.kind === 'interval' && (
        <p className="small">
          {t('templatesUi.view.every', {
            count: item.intervalMinutes ?? 0,
            prompt: item.prompt ?? '',
          })}
        </p>
      )}
      {item.kind === 'tally' && item.teams && (
        <p className="small">{t('templatesUi.view.teams', { teams: item.teams.join(', ') })}</p>
      )}
      {item.kind === 'rating' && item.levels && (
        <dl className="template-levels">
          {item.levels.map((level) => (
            <div key={level.value} className="template-level">
              <dt>
                <span className="template-level-value">{level.value}</span> {level.label}
              </dt>
              <dd>{level.descriptor}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
