import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { debriefLogName, VERDICTS, type Verdict } from '../../model/debrief.ts';
import { checksForRun, previousLesson } from '../../model/findingChecks.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useDebriefScope } from './debriefScope.ts';
import { measureText } from './measureText.ts';

/**
 * In the debrief of a later research lesson's run: per finding of the
 * previous lesson's debriefs, its measure then and now, and the team's
 * judgement whether the change worked.
 */
export function EarlierFindingChecks() {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const { session, cycle, runId, run, state, labels, readOnly, presenting, events } = scope;
  const previous = previousLesson(cycle, run.researchLessonId);
  // How far the previous lesson's debriefs have come: their findings can still arrive
  // from a colleague's device while this debrief is open.
  const earlierDebriefs = useYSnapshot(
    session.doc,
    (doc) =>
      cycle.runs
        .filter((each) => each.researchLessonId === previous?.id)
        .map((each) => doc.getArray(debriefLogName(each.id)).length)
        .join(','),
    [cycle, previous?.id],
  );
  // Not again for every entry of this debrief (a verdict is read from `state` below): only
  // when this run's records, the previous lesson's debriefs or the cycle change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: events and earlierDebriefs stand for "the data changed"
  const checks = useMemo(
    () => checksForRun(session.doc, cycle, runId),
    [session.doc, cycle, runId, events, earlierDebriefs],
  );
  if (!previous || checks.length === 0) return null;
  const then = t('plan.rl.short', { number: previous.number });
  const now = t('plan.rl.short', { number: previous.number + 1 });

  return (
    <section className="card stack finding-checks" aria-labelledby="finding-checks-heading">
      <h3 id="finding-checks-heading">{t('debrief.checks.heading')}</h3>
      <p className="muted small">{t('debrief.checks.intro', { rl: then })}</p>
      <div className="table-scroll">
        <table className="summary-table" data-testid="finding-checks">
          <thead>
            <tr>
              <th scope="col">{t('debrief.checks.finding')}</th>
              <th scope="col">{t('debrief.checks.measure')}</th>
              <th scope="col">{t('debrief.checks.before', { rl: then })}</th>
              <th scope="col">{t('debrief.checks.after', { rl: now })}</th>
              <th scope="col">{t('debrief.checks.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map(({ finding, check, before, after, direction }) => {
              const verdict = state.verdicts.get(finding.id)?.value ?? '';
              const explanation = state.verdicts.get(finding.id)?.text ?? '';
              return (
                <tr key={`${finding.id}`}>
                  <th scope="row">{finding.text}</th>
                  <td>
                    {labels.itemLabel({ itemId: check.itemId, kind: 'tally' })}
                    {' · '}
                    {check.pupilId ? labels.pupil(check.pupilId) : t('debrief.findings.wholeClass')}
                  </td>
                  <td>{measureText(t, before, t('debrief.checks.noData'))}</td>
                  <td>
                    {measureText(t, after, t('debrief.checks.noData'))}{' '}
                    <span className={`badge direction-${direction}`}>
                      {t(`debrief.checks.direction.${direction}`)}
                    </span>
                  </td>
                  <td>
                    {readOnly || presenting ? (
                      verdict ? (
                        `${t(`debrief.checks.verdicts.${verdict}`)}${explanation ? ` — ${explanation}` : ''}`
                      ) : (
                        t('debrief.checks.none')
                      )
                    ) : (
                      <div className="stack">
                        <select
                          aria-label={t('debrief.checks.verdictOf', { finding: finding.text })}
                          value={verdict}
                          onChange={(event) =>
                            scope.write({
                              kind: 'verdict',
                              findingId: finding.id,
                              value: (event.target.value || null) as Verdict | null,
                              text: explanation,
                            })
                          }
                        >
                          <option value="">{t('debrief.checks.none')}</option>
                          {VERDICTS.map((each) => (
                            <option key={each} value={each}>
                              {t(`debrief.checks.verdicts.${each}`)}
                            </option>
                          ))}
                        </select>
                        <input
                          type="text"
                          key={explanation}
                          aria-label={t('debrief.checks.explanationOf', { finding: finding.text })}
                          placeholder={t('debrief.matrix.explanation')}
                          defaultValue={explanation}
                          maxLength={300}
                          disabled={verdict === ''}
                          onBlur={(event) => {
                            const text = event.target.value.trim();
                            if (verdict === '' || text === explanation) return;
                            scope.write({
                              kind: 'verdict',
                              findingId: finding.id,
                              value: verdict,
                              text,
                            });
                          }}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
