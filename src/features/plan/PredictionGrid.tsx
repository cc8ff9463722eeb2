import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import type { CasePupil, ResearchLesson } from '../../model/cycleTypes.ts';
import { ensurePredictionCells, predictionText } from '../../model/predictions.ts';
import type { PupilNames } from '../../sync/device.ts';
import { useServerSynced } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';

type Props = {
  rl: ResearchLesson;
  pupils: readonly CasePupil[];
  readOnly: boolean;
  realNames: PupilNames | null;
};

/**
 * Repairs of missing cells are not this user's edits: a separate origin keeps
 * them out of the per-user undo, so Ctrl+Z never deletes a cell a colleague
 * may be typing in.
 */
const REPAIR_ORIGIN = { kind: 'repair', what: 'prediction-cells' };

/** Case pupil × phase: what the team expects each pupil to do or find hard in each phase. */
export function PredictionGrid({ rl, pupils, readOnly, realNames }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const missing = pupils.reduce(
    (count, pupil) =>
      count +
      rl.phases.filter((phase) => predictionText(session.doc, rl.id, pupil.id, phase.id) === null)
        .length,
    0,
  );
  // Only once the server's copy is here: a cell created earlier could replace one a colleague filled.
  const synced = useServerSynced(session.name);
  useEffect(() => {
    if (!readOnly && synced && missing > 0)
      void session.change((doc, ctx) => ensurePredictionCells(doc, rl.id, ctx), REPAIR_ORIGIN);
  }, [session, rl.id, readOnly, synced, missing]);

  const rlName = t('plan.rl.long', { number: rl.number });
  return (
    <section className="stack" aria-labelledby="predictions-heading">
      <h2 id="predictions-heading">{t('plan.predictions.heading', { rl: rlName })}</h2>
      <p className="muted small">{t('plan.predictions.intro')}</p>
      {pupils.length === 0 ? (
        <p className="empty-state">{t('plan.predictions.needPupils')}</p>
      ) : rl.phases.length === 0 ? (
        <p className="empty-state">{t('plan.predictions.needPhases')}</p>
      ) : (
        <div className="grid-scroll">
          <table className="prediction-grid">
            <caption className="visually-hidden">
              {t('plan.predictions.heading', { rl: rlName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.predictions.pupil')}</th>
                {rl.phases.map((phase, index) => (
                  <th scope="col" key={phase.id}>
                    <span className="phase-number">{index + 1}</span>{' '}
                    {phase.title.trim() || t('plan.phases.untitled', { number: index + 1 })}
                    <span className="muted small">
                      {' '}
                      · {t('plan.print.minutes', { minutes: phase.minutes })}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pupils.map((pupil) => {
                const pseudonym = pupil.pseudonym.trim() || t('plan.pupils.pseudonym');
                const real = realNames?.get(pupil.id);
                return (
                  <tr key={pupil.id}>
                    <th scope="row" className="prediction-pupil">
                      {pseudonym}
                      {real && <span className="real-name-inline small"> {real}</span>}
                    </th>
                    {rl.phases.map((phase, index) => {
                      const phaseName =
                        phase.title.trim() || t('plan.phases.untitled', { number: index + 1 });
                      return (
                        <td key={phase.id} className="prediction-cell">
                          <span className="cell-label" aria-hidden="true">
                            {index + 1}. {phaseName}
                          </span>
                          <YTextArea
                            ytext={predictionText(session.doc, rl.id, pupil.id, phase.id)}
                            origin={session.origin}
                            docName={session.name}
                            path={`prediction:${rl.id}:${pupil.id}:${phase.id}`}
                            label={t('plan.predictions.cellLabel', {
                              pupil: pseudonym,
                              number: index + 1,
                              phase: phaseName,
                            })}
                            readOnly={readOnly}
                            rows={3}
                          />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
