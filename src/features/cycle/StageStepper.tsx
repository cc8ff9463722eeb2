import { useTranslation } from 'react-i18next';
import { CYCLE_STAGES, type CycleStage } from '../../model/cycleTypes.ts';

type Props = {
  readonly stage: CycleStage;
  readonly onChange: (stage: CycleStage) => void;
  readonly readOnly: boolean;
};

/** The stages of the practice-research cycle as a stepper; the team marks where it is. */
export function StageStepper({ stage, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const current = CYCLE_STAGES.indexOf(stage);
  return (
    <nav aria-label={t('cycle.page.stageLabel')} className="stage-stepper-nav">
      <ol className="stage-stepper">
        {CYCLE_STAGES.map((each, index) => {
          const state = index < current ? 'is-done' : index === current ? 'is-current' : '';
          return (
            <li key={each} className={`stage-step ${state}`}>
              <button
                type="button"
                className="stage-step-button"
                aria-current={index === current ? 'step' : undefined}
                disabled={readOnly && index !== current}
                onClick={() => {
                  if (!readOnly && each !== stage) onChange(each);
                }}
              >
                <span className="stage-step-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="stage-step-label">{t(`cycle.stages.${each}`)}</span>
                {index === current && (
                  <span className="visually-hidden"> ({t('cycle.page.stageCurrent')})</span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
