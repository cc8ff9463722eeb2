import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { downloadFile } from '../../app/download.ts';
import { showToast } from '../../app/ui/toasts.ts';
import { teamDocName } from '../../model/docName.ts';
import { type MemberId, parseTeamId } from '../../model/ids.ts';
import { canEdit } from '../../model/roles.ts';
import { exportTemplateJson } from '../../model/templateJson.ts';
import {
  readTemplate,
  readTemplateLibrary,
  type TemplateId,
  type TemplateSummary,
} from '../../model/templates.ts';
import { duplicateTemplateAs, setTemplateArchived } from '../../sync/commands/templates.ts';
import { useMembership } from '../../sync/device.ts';
import { useOpenSession, useYSnapshot } from '../../sync/hooks.ts';
import { SessionProvider, useSession } from '../../sync/SessionContext.tsx';
import { BuiltInOffer } from './BuiltInOffer.tsx';
import { DuplicateDialog } from './DuplicateDialog.tsx';
import { fileNameFor } from './download.ts';
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
  const library = useYSnapshot(session?.doc ?? null, readTemplateLibrary);
  const [selected, setSelected] = useState<TemplateId | null>(null);
  /** The selected template is open in the editor instead of the viewer. */
  const [editing, setEditing] = useState(false);
  const [duplicating, setDuplicating] = useState<TemplateSummary | null>(null);
  // null: open while the library is empty; after a toggle or an add, the user's choice.
  const [builtInsOpen, setBuiltInsOpen] = useState<boolean | null>(null);
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
        <Link className="back-link" href="/">
          {t('app.backHome')}
        </Link>
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
    if (!session) return;
    const template = readTemplate(session.doc, summary.id);
    if (template)
      downloadFile(
        new File([exportTemplateJson(template)], fileNameFor(template.name, template.version), {
          type: 'application/json',
        }),
      );
  }

  async function setArchived(summary: TemplateSummary, archived: boolean) {
    if (!session) return;
    const saved = setTemplateArchived(session, summary.id, archived);
    if (archived && selected === summary.id) setSelected(null);
    await saved;
    const message = archived ? 'templatesUi.archive.done' : 'templatesUi.archive.restored';
    showToast(t(message, { name: summary.name }), {
      label: t('common.undo'),
      run: () => void setTemplateArchived(session, summary.id, !archived),
    });
  }

  async function duplicate(name: string) {
    if (!session || !duplicating) return;
    const source = duplicating;
    setDuplicating(null);
    try {
      const copy = await duplicateTemplateAs(session, source.id, name, memberId);
      showToast(t('templatesUi.duplicate.done', { name: copy.name }));
      show(copy.id);
    } catch (error) {
      console.error('templates: could not duplicate', error);
      showToast(t('errors.unexpected'));
    }
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
      onArchive={() => void setArchived(summary, true)}
      onRestore={() => void setArchived(summary, false)}
    />
  );

  const empty = library !== null && library.active.length === 0;
  const selectedKnown =
    selected !== null &&
    library !== null &&
    [...library.active, ...library.archived].some((s) => s.id === selected);

  return (
    <SessionProvider sessions={session ? { team: session } : {}}>
      <div className="stack templates-page">
        <p>
          <Link className="back-link" href={`/teams/${teamId}`}>
            ← {t('templatesUi.backToTeam')}
          </Link>
        </p>
        <h1>{t('templatesUi.title')}</h1>
        <p className="muted">{t('templatesUi.intro')}</p>
        {!editable && <p className="notice">{t('templatesUi.readOnly')}</p>}
        {library !== null && library.skipped > 0 && (
          <p className="notice">{t('templatesUi.skipped', { count: library.skipped })}</p>
        )}
        {session && editable && <ImportButton memberId={memberId} onImported={show} />}
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
            {session && library !== null && (editable || empty) && (
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
          {session && selectedKnown && selected !== null && editing && editable && (
            <EditSelected
              key={selected}
              id={selected}
              memberId={memberId}
              onDone={() => setEditing(false)}
            />
          )}
          {session && selectedKnown && selected !== null && !(editing && editable) && (
            <TemplateView id={selected} onClose={() => setSelected(null)} />
          )}
        </div>
        <DuplicateDialog
          source={duplicating}
          onConfirm={(name) => void duplicate(name)}
          onCancel={() => setDuplicating(null)}
        />
      </div>
    </SessionProvider>
  );
}

type EditProps = { id: TemplateId; memberId: MemberId; onDone: () => void };

/** The editor on the latest version, read once when it opens (the draft is the user's). */
function EditSelected({ id, memberId, onDone }: EditProps) {
  const { doc } = useSession('team');
  const [template] = useState(() => readTemplate(doc, id));
  if (template === null) return null;
  return <TemplateEditor template={template} memberId={memberId} onDone={onDone} />;
}
