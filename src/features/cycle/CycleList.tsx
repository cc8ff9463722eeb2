import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { showToast } from '../../app/ui/toasts.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { loadExampleCycle } from '../../model/exampleCycle.ts';
import { readCycleSummaries } from '../../model/teamDoc.ts';
import { createCycle } from '../../sync/commands/cycle.ts';
import type { LocalMembership } from '../../sync/device.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useOptionalSession } from '../../sync/SessionContext.tsx';
import { exampleCycleContent } from './exampleContent.ts';
import { ImportCycleButton } from './ImportCycleButton.tsx';
import './cycle.css';

type Props = {
  membership: LocalMembership;
  /** The roster's deleted cycles, never listed (null while it opens). */
  deletedCycles: ReadonlyMap<string, unknown> | null;
  /** False for guests and removed members: they see the list but cannot start a cycle. */
  editable: boolean;
};

const NONE_DELETED: ReadonlyMap<string, unknown> = new Map();

/** The team's cycles with their stage, research lessons taught and last activity; start or load one. */
export function CycleList({ membership, deletedCycles, editable }: Props) {
  const { t, i18n } = useTranslation();
  const team = useOptionalSession('team');
  const teamDoc = team?.doc ?? null;
  const [, navigate] = useLocation();
  const deleted = deletedCycles ?? NONE_DELETED;
  const summaries = useYSnapshot(teamDoc, (doc) => readCycleSummaries(doc, deleted), [deleted]);
  const [busy, setBusy] = useState<'start' | 'example' | null>(null);

  async function start(kind: 'start' | 'example') {
    if (!team || busy) return;
    setBusy(kind);
    try {
      const base = { teamId: membership.teamId, memberId: membership.memberId };
      let cycleId: string;
      if (kind === 'example') {
        const content = await exampleCycleContent(i18n.language);
        cycleId = await createCycle(team, {
          ...base,
          title: content.title,
          fill: (doc, ctx) => loadExampleCycle(doc, content, ctx),
        });
        showToast(t('cycle.example.loaded'));
        navigate(`/teams/${membership.teamId}/cycles/${cycleId}`);
      } else {
        cycleId = await createCycle(team, { ...base, title: t('cycle.newTitle') });
        navigate(`/teams/${membership.teamId}/cycles/${cycleId}?start=1`);
      }
    } catch (error) {
      console.error('cycle: could not create', error);
      showToast(t('cycle.list.createFailed'));
      setBusy(null);
    }
  }

  const actions = editable ? (
    <div className="row">
      <button
        type="button"
        className="primary"
        disabled={!teamDoc || busy !== null}
        onClick={() => void start('start')}
      >
        {busy === 'start' ? t('cycle.list.working') : t('cycle.list.start')}
      </button>
      <button
        type="button"
        disabled={!teamDoc || busy !== null}
        onClick={() => void start('example')}
      >
        {busy === 'example' ? t('cycle.list.working') : t('cycle.list.loadExample')}
      </button>
      {team && <ImportCycleButton membership={membership} team={team} />}
    </div>
  ) : membership.role === 'guest' ? (
    <p className="muted small">{t('cycle.list.guestCannotCreate')}</p>
  ) : null;

  return (
    <section className="card cycle-list-card" aria-labelledby="cycles-title">
      <h2 id="cycles-title">{t('cycle.list.heading')}</h2>
      {summaries === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : summaries.length === 0 ? (
        <div className="empty-state stack">
          <p>
            <strong>{t('cycle.list.empty')}</strong>
          </p>
          <p className="muted">{t('cycle.list.intro')}</p>
          {editable && <p>{t('cycle.list.emptyHint')}</p>}
          {actions}
        </div>
      ) : (
        <div className="stack">
          <ul className="cycle-list">
            {summaries.map((summary) => (
              <li key={summary.cycleId}>
                <Link
                  href={`/teams/${membership.teamId}/cycles/${summary.cycleId}`}
                  className="cycle-link"
                  data-cycle-id={summary.cycleId}
                >
                  <span className="cycle-link-title">{summary.title || t('cycle.untitled')}</span>
                  <span className="badge">{t(`cycle.stages.${summary.stage}`)}</span>
                  <span className="cycle-link-meta">
                    {t('cycle.list.lessonsTaught', {
                      // Summaries written before lessonsTaught existed: at most one per run taught.
                      taught:
                        summary.lessonsTaught ||
                        Math.min(summary.runsTaught, summary.researchLessons),
                      total: summary.researchLessons,
                    })}
                  </span>
                  <span className="cycle-link-meta">
                    {t('cycle.list.lastActivity', {
                      date: formatDateTime(summary.lastActivityAt, i18n.language),
                    })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {actions}
        </div>
      )}
    </section>
  );
}
