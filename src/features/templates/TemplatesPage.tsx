import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { showToast } from '../../app/ui/toasts.ts';
import type { ModelContext } from '../../model/cycleTypes.ts';
import { teamDocName } from '../../model/docName.ts';
import { type MemberId, newId, parseTeamId } from '../../model/ids.ts';
import { canEdit } from '../../model/roles.ts';
import { exportTemplateJson } from '../../model/templateJson.ts';
import {
  archiveTemplate,
  duplicateTemplate,
  readTemplate,
  readTemplateLibrary,
  restoreTemplate,
  type TemplateId,
  type TemplateSummary,
} from '../../model/templates.ts';
import { useMembership } from '../../store/hooks.ts';
import { useOpenSession, useYSnapshot } from '../../sync/hooks.ts';
import { BuiltInOffer } from './BuiltInOffer.tsx';
import { DuplicateDialog } from './DuplicateDialog.tsx';
import { downloadText, fileNameFor } from './download.ts';
import { ImportButton } from './ImportButton.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateRow } from './TemplateRow.tsx';
import { TemplateView } from './TemplateView.tsx';
import './templates.css';

/** The team's kijkwijzer library (issue 6, Kijkwijzers): built-ins, import, export, archive. */
export default function TemplatesPage({ teamId: rawTeamId }: { teamId: string }) {
  const { t } = useTranslation();
  const teamId = parseTeamId(rawTeamId);
  const membership = useMembership(teamId);
  const session = useOpenSession(membership && teamId ? teamDocName(teamId) : null);
  const doc = session?.doc ?? null;
  const library = useYSnapshot(doc, readTemplateLibrary);
  const [selected, setSelected] = useState<TemplateId | null>(null);
  /** The selected template is open in the editor instead of the viewer. */
  const [editing, setEditing] = useState(false);
  const [duplicating, setDuplicating] = useState<TemplateSummary | null>(null);
  // null: open while the library is empty; after a toggle or an add, the user's choice.
  const [builtInsOpen, setBuiltInsOpen] = useState<boolean | null>(null);
  const [origin] = useState(() => ({ kind: 'user', page: 'templates' }));
  const ctx = useMemo<ModelContext>(
    () => ({ now: () => new Date().toISOString(), newId, origin }),
    [origin],
  );
  const present = useMemo(
    () =>
      new Set(
        [...(library?.active ?? []), ...(library?.archived ?? [])].flatMap((s) =>
          s.builtIn === null ? [] : [s.builtIn],
        ),
      ),
    [library],
  );

  if (membership === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (teamId === null || membership === null) {
    return (
      <section>
        <p>{t('team.notFound')}</p>
        <Link href="/">{t('app.backHome')}</Link>
      </section>
    );
  }
  const editable = canEdit(membership.role) && membership.status !== 'removed';
  const memberId = membership.memberId;

  function show(id: TemplateId) {
    setSelected(id);
    setEditing(false);
    requestAnimationFrame(() =>
      document.querySelector(`[data-template-id="${id}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  }

  function exportOne(summary: TemplateSummary) {
    if (!doc) return;
    const template = readTemplate(doc, summary.id);
    if (template)
      downloadText(fileNameFor(template.name, template.version), exportTemplateJson(template));
  }

  function archive(summary: TemplateSummary) {
    if (!doc) return;
    archiveTemplate(doc, summary.id, ctx);
    if (selected === summary.id) setSelected(null);
    showToast(t('templatesUi.archive.done', { name: summary.name }), {
      label: t('common.undo'),
      run: () => restoreTemplate(doc, summary.id, ctx),
    });
  }

  function restore(summary: TemplateSummary) {
    if (!doc) return;
    restoreTemplate(doc, summary.id, ctx);
    showToast(t('templatesUi.archive.restored', { name: summary.name }), {
      label: t('common.undo'),
      run: () => archiveTemplate(doc, summary.id, ctx),
    });
  }

  function duplicate(name: string) {
    if (!doc || !duplicating) return;
    try {
      const copy = duplicateTemplate(doc, duplicating.id, name, ctx, memberId);
      showToast(t('templatesUi.duplicate.done', { name: copy.name }));
      show(copy.id);
    } catch (error) {
      console.error('templates: could not duplicate', error);
      showToast(t('errors.unexpected'));
    }
    setDuplicating(null);
  }

  const row = (summary: TemplateSummary) => (
    <TemplateRow
      key={summary.id}
      summary={summary}
      selected={selected === summary.id}
      editable={editable}
      onToggleView={() => {
        setSelected(selected === summary.id && !editing ? null : summary.id);
        setEditing(false);
      }}
      onEdit={() => {
        setSelected(summary.id);
        setEditing(true);
      }}
      onExport={() => exportOne(summary)}
      onDuplicate={() => setDuplicating(summary)}
      onArchive={() => archive(summary)}
      onRestore={() => restore(summary)}
    />
  );

  const empty = library !== null && library.active.length === 0;
  const selectedKnown =
    selected !== null &&
    library !== null &&
    [...library.active, ...library.archived].some((s) => s.id === selected);

  return (
    <div className="stack templates-page">
      <p>
        <Link href={`/teams/${teamId}`}>← {t('templatesUi.backToTeam')}</Link>
      </p>
      <h1>{t('templatesUi.title')}</h1>
      <p className="muted">{t('templatesUi.intro')}</p>
      {!editable && <p className="notice">{t('templatesUi.readOnly')}</p>}
      {library !== null && library.skipped > 0 && (
        <p className="notice">{t('templatesUi.skipped', { count: library.skipped })}</p>
      )}
      {doc && editable && (
        <ImportButton doc={doc} ctx={ctx} memberId={memberId} onImported={show} />
      )}
      <div className={`templates-layout${selectedKnown ? ' has-view' : ''}`}>
        <section className="stack" aria-labelledby="templates-library-title">
          <h2 id="templates-library-title">{t('templatesUi.library.heading')}</h2>
          {library === null ? (
            <p className="muted">{t('app.loading')}</p>
          ) : empty ? (
            <div className="empty-state stack">
              <p>
                <strong>{t('templatesUi.library.empty')}</strong>
              </p>
              {editable && <p className="muted">{t('templatesUi.library.emptyHint')}</p>}
            </div>
          ) : (
            <ul className="template-list">{library.active.map(row)}</ul>
          )}
          {library !== null && library.archived.length > 0 && (
            <details className="templates-archived">
              <summary>
                {t('templatesUi.library.archived', { count: library.archived.length })}
              </summary>
              <ul className="template-list">{library.archived.map(row)}</ul>
            </details>
          )}
          {doc && library !== null && (editable || empty) && (
            <details
              className="card templates-builtins"
              open={builtInsOpen ?? empty}
              onToggle={(event) => setBuiltInsOpen(event.currentTarget.open)}
            >
              <summary>
                <strong>{t('templatesUi.builtIns.heading')}</strong>
              </summary>
              <p className="muted small">{t('templatesUi.builtIns.intro')}</p>
              <BuiltInOffer
                doc={doc}
                ctx={ctx}
                memberId={memberId}
                present={present}
                editable={editable}
                onAdded={(id) => {
                  setBuiltInsOpen(true);
                  show(id);
                }}
              />
            </details>
          )}
        </section>
        {doc && selectedKnown && selected !== null && editing && editable && (
          <EditSelected
            key={selected}
            doc={doc}
            id={selected}
            ctx={ctx}
            memberId={memberId}
            onDone={() => setEditing(false)}
          />
        )}
        {doc && selectedKnown && selected !== null && !(editing && editable) && (
          <TemplateView doc={doc} id={selected} onClose={() => setSelected(null)} />
        )}
      </div>
      <DuplicateDialog
        source={duplicating}
        onConfirm={duplicate}
        onCancel={() => setDuplicating(null)}
      />
    </div>
  );
}

type EditProps = {
  doc: Y.Doc;
  id: TemplateId;
  ctx: ModelContext;
  memberId: MemberId;
  onDone: () => void;
};

/** The editor on the latest version, read once when it opens (the draft is the user's). */
function EditSelected({ doc, id, ctx, memberId, onDone }: EditProps) {
  const [template] = useState(() => readTemplate(doc, id));
  if (template === null) return null;
  return (
    <TemplateEditor doc={doc} template={template} ctx={ctx} memberId={memberId} onDone={onDone} />
  );
}
