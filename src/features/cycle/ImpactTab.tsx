import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import * as Y from 'yjs';
import { showToast } from '../../app/ui/toasts.ts';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import { cycleText, updateBaseline } from '../../model/cycleDoc.ts';
import {
  baselineChanges,
  IMPACT_LEVELS,
  impactText,
  nextResearchQuestion,
  openQuestions,
} from '../../model/impact.ts';
import { createCycle } from '../../sync/commands/cycle.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import type { CycleViewProps } from './cycleViewProps.ts';
import '../timeline/timeline.css';

/**
 * Closing the cycle: the impact note at four levels, the starting
 * measurements against new ones, and starting the next cycle from the open
 * questions the debriefs left.
 */
export function ImpactTab({ cycle, readOnly, membership }: CycleViewProps) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const team = useSession('team');
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const questions = useYSnapshot(session.doc, (doc) => openQuestions(doc, cycle), [cycle]) ?? [];
  const changes = baselineChanges(cycle);

  function setAfter(id: string, raw: string) {
    const value = raw.trim() === '' ? null : Number(raw.replace(',', '.'));
    if (value !== null && !Number.isFinite(value)) return showToast(t('cycle.impact.notANumber'));
    session
      .change((doc, ctx) => updateBaseline(doc, id, { after: value }, ctx))
      .catch(() => {
        showToast(t('cycle.impact.saveFailed'));
      });
  }

  async function startNext() {
    if (busy) return;
    setBusy(true);
    const question = nextResearchQuestion(questions);
    try {
      const cycleId = await createCycle(team, {
        teamId: membership.teamId,
        memberId: membership.memberId,
        title: t('cycle.impact.nextTitle', { title: cycle.meta.title }),
        fill: (doc) => {
          const paragraphs = question.split('\n').map((line) => {
            const p = new Y.XmlElement('paragraph');
            p.insert(0, [new Y.XmlText(line)]);
            return p;
          });
          if (paragraphs.length > 0) cycleText(doc, 'researchQuestion').insert(0, paragraphs);
        },
      });
      showToast(t('cycle.impact.nextStarted'));
      navigate(`/teams/${membership.teamId}/cycles/${cycleId}?start=1`);
    } catch {
      showToast(t('cycle.list.createFailed'));
      setBusy(false);
    }
  }

  return (
    <section className="stack impact" aria-labelledby="impact-heading">
      <h2 id="impact-heading">{t('cycle.impact.heading')}</h2>
      <p className="muted small">{t('cycle.impact.intro')}</p>
      {IMPACT_LEVELS.map((level) => (
        <div key={level} className="card field impact-level">
          <label htmlFor={`impact-${level}`}>{t(`cycle.impact.levels.${level}`)}</label>
          <p id={`impact-${level}-hint`} className="muted small">
            {t(`cycle.impact.hints.${level}`)}
          </p>
          <YTextArea
            id={`impact-${level}`}
            ytext={impactText(session.doc, level)}
            origin={session.origin}
            docName={session.name}
            path={`impact:${level}`}
            label={t(`cycle.impact.levels.${level}`)}
            describedBy={`impact-${level}-hint`}
            readOnly={readOnly}
            rows={3}
          />
          {level === 'pupils' && (
            <div className="stack">
              <h3 className="small">{t('cycle.impact.measures')}</h3>
              {changes.length === 0 ? (
                <p className="muted small">{t('cycle.impact.noMeasures')}</p>
              ) : (
                <table className="summary-table" data-testid="impact-measures">
                  <thead>
                    <tr>
                      <th scope="col">{t('cycle.impact.measure')}</th>
                      <th scope="col" className="num">
                        {t('cycle.impact.before')}
                      </th>
                      <th scope="col" className="num">
                        {t('cycle.impact.after')}
                      </th>
                      <th scope="col" className="num">
                        {t('cycle.impact.change')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((row) => (
                      <tr key={row.id}>
                        <th scope="row">{row.label}</th>
                        <td className="num">
                          {row.before === null ? '–' : `${row.before} ${row.unit}`}
                        </td>
                        <td className="num">
                          <input
                            type="text"
                            inputMode="decimal"
                            className="impact-after"
                            aria-label={t('cycle.impact.afterOf', { label: row.label })}
                            defaultValue={row.after === null ? '' : String(row.after)}
                            key={String(row.after)}
                            disabled={readOnly}
                            onBlur={(event) => setAfter(row.id, event.target.value)}
                          />{' '}
                          {row.unit}
                        </td>
                        <td className="num">
                          {row.change === null
                            ? '–'
                            : `${row.change > 0 ? '+' : ''}${Number(row.change.toFixed(2))} ${row.unit}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
        </div>
      ))}
      <section className="card stack" aria-labelledby="impact-next-heading">
        <h3 id="impact-next-heading">{t('cycle.impact.next')}</h3>
        {questions.length === 0 ? (
          <p className="muted small">{t('cycle.impact.noQuestions')}</p>
        ) : (
          <ul data-testid="open-questions">
            {questions.map(({ finding }) => (
              <li key={finding.id}>{finding.text}</li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <button type="button" className="primary" disabled={busy} onClick={startNext}>
            {t('cycle.impact.startNext')}
          </button>
        )}
      </section>
    </section>
  );
}
