import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleTextField } from '../../model/cycleTypes.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { Baselines } from './Baselines.tsx';
import { CycleMetaFields } from './CycleMetaFields.tsx';
import { DraftInput } from './DraftInput.tsx';
import { tryUpdateMeta } from './metaWrites.ts';
import type { OverviewTabProps } from './OverviewTab.tsx';
import { RichTextField } from './RichTextField.tsx';

const STEPS = ['startingData', 'researchQuestion', 'goals', 'rationale', 'basics'] as const;
type Step = (typeof STEPS)[number];

type Props = OverviewTabProps & {
  /** Leaves the guided start (finished or closed); everything stays editable in the overview. */
  readonly onClose: () => void;
};

/**
 * The guided start of a new cycle (issue 5 point 1): from data to a research
 * question, goals, rationale, then subject and year group. Every step can be
 * skipped and the guide closed at any time; what is written goes straight
 * into the shared document, so colleagues see it and nothing is lost.
 */
export function NewCycleWizard(props: Props) {
  const { cycle, readOnly, presence, undo, onClose } = props;
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const step: Step = STEPS[index] ?? 'startingData';
  const heading = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  // Move focus to the new step so keyboard and screen-reader users follow along.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every step change, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [index]);

  const last = index === STEPS.length - 1;
  const next = () => (last ? onClose() : setIndex(index + 1));

  return (
    <section className="card wizard" aria-labelledby="wizard-title">
      <div className="row wizard-head">
        <div className="wizard-head-text">
          <h2 id="wizard-title">{t('cycle.wizard.heading')}</h2>
          <p className="muted small">{t('cycle.wizard.intro')}</p>
        </div>
        <button type="button" onClick={onClose}>
          {t('cycle.wizard.close')}
        </button>
      </div>
      <ol className="wizard-steps">
        {STEPS.map((each, i) => (
          <li
            key={each}
            className={`wizard-step ${i === index ? 'is-current' : ''} ${i < index ? 'is-done' : ''}`}
            aria-current={i === index ? 'step' : undefined}
          >
            <button type="button" className="wizard-step-button" onClick={() => setIndex(i)}>
              <span className="wizard-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {t(`cycle.wizard.steps.${each}`)}
            </button>
          </li>
        ))}
      </ol>
      <div ref={heading} tabIndex={-1} className="wizard-body" aria-live="polite">
        <p className="muted small">
          {t('cycle.wizard.step', { current: index + 1, total: STEPS.length })}
        </p>
        {step === 'basics' ? (
          <div className="stack">
            <h2>{t('cycle.wizard.steps.basics')}</h2>
            <p className="muted small">{t('cycle.wizard.basicsHint')}</p>
            <CycleTitleField {...props} />
            <CycleMetaFields
              meta={cycle.meta}
              readOnly={readOnly}
              fields={['subject', 'yearGroup']}
            />
          </div>
        ) : (
          <>
            <RichTextField
              key={step}
              field={step satisfies CycleTextField}
              presence={presence}
              readOnly={readOnly}
              level={2}
            />
            {step === 'startingData' && (
              <Baselines baselines={cycle.meta.baselines} undo={undo} readOnly={readOnly} />
            )}
          </>
        )}
      </div>
      <div className="row wizard-nav">
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('cycle.wizard.back')}
        </button>
        <span className="wizard-nav-spacer" />
        {!last && (
          <button type="button" onClick={next}>
            {t('cycle.wizard.skip')}
          </button>
        )}
        <button type="button" className="primary" onClick={next}>
          {last ? t('cycle.wizard.finish') : t('cycle.wizard.next')}
        </button>
      </div>
    </section>
  );
}

function CycleTitleField({ cycle, readOnly }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  return (
    <DraftInput
      label={t('cycle.page.titleLabel')}
      value={cycle.meta.title}
      readOnly={readOnly}
      invalidMessage={t('cycle.page.invalidTitle')}
      inputProps={{ maxLength: 120 }}
      commit={(title) => tryUpdateMeta(session, { title })}
    />
  );
}
