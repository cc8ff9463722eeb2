import { useTranslation } from 'react-i18next';
import type { CasePupil, ResearchLesson } from '../../model/cycleTypes.ts';
import { predictionKey } from '../../model/predictions.ts';

type Props = {
  rl: ResearchLesson;
  pupils: readonly CasePupil[];
  /** How a case pupil is named on paper (the pseudonym, or a real name the user chose to print). */
  nameOf: (pupil: CasePupil) => string;
};

/** A research lesson's phases on paper, each with its predictions: the print view and the cycle report. */
export function PrintedPhases({ rl, pupils, nameOf }: Props) {
  const { t } = useTranslation();
  return (
    <ol className="print-phases">
      {rl.phases.map((phase, index) => {
        const number = index + 1;
        const predictions = pupils
          .map((pupil) => ({
            pupil,
            text: rl.predictions.get(predictionKey(pupil.id, phase.id)) ?? '',
          }))
          .filter((entry) => entry.text.trim() !== '');
        return (
          <li key={phase.id} className="print-phase">
            <h2 className="print-phase-title">
              <span>
                {number}. {phase.title.trim() || t('plan.phases.untitled', { number })}
              </span>
              <span className="print-minutes">
                {t('plan.print.minutes', { minutes: phase.minutes })}
              </span>
            </h2>
            <div className="print-columns">
              <PrintField
                label={t('plan.phases.columns.teacherActions')}
                text={phase.teacherActions}
              />
              <PrintField
                label={t('plan.phases.columns.pupilActivities')}
                text={phase.pupilActivities}
              />
            </div>
            {phase.responses.length > 0 && (
              <div className="print-field">
                <h3>{t('plan.phases.columns.responses')}</h3>
                <ul className="print-responses">
                  {phase.responses.map((response) => (
                    <li key={response.id}>
                      <span className="pre-line">{response.response || '—'}</span>
                      <span aria-hidden="true"> → </span>
                      <span className="visually-hidden">{t('plan.phases.responses.answer')}: </span>
                      <em className="pre-line">{response.answer || '—'}</em>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {phase.observerFocus.trim() && (
              <PrintField
                label={t('plan.phases.columns.observerFocus')}
                text={phase.observerFocus}
              />
            )}
            {predictions.length > 0 && (
              <div className="print-field">
                <h3>{t('plan.print.predictions')}</h3>
                <table className="print-predictions">
                  <tbody>
                    {predictions.map(({ pupil, text }) => (
                      <tr key={pupil.id}>
                        <th scope="row">{nameOf(pupil)}</th>
                        <td className="pre-line">{text}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function PrintField({ label, text }: { label: string; text: string }) {
  return (
    <div className="print-field">
      <h3>{label}</h3>
      <p className="pre-line">{text.trim() || '—'}</p>
    </div>
  );
}
