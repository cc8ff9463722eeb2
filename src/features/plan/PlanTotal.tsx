import { useTranslation } from 'react-i18next';

type Props = { total: number; lessonMinutes: number };

/** Planned minutes against the lesson length, with the difference said in words (not by color alone). */
export function PlanTotal({ total, lessonMinutes }: Props) {
  const { t } = useTranslation();
  const difference = total - lessonMinutes;
  const state = difference > 0 ? 'over' : difference < 0 ? 'under' : 'exact';
  const ratio = lessonMinutes > 0 ? Math.min(1, total / lessonMinutes) : 0;
  return (
    <div className={`plan-total plan-total-${state}`} data-testid="plan-total">
      <div className="plan-total-text">
        <strong>{t('plan.phases.total.label')}: </strong>
        <span>{t('plan.phases.total.summary', { total, lesson: lessonMinutes })}</span>
        <span className={`plan-total-badge plan-total-badge-${state}`}>
          <span aria-hidden="true">
            {state === 'over' ? '▲ ' : state === 'under' ? '▽ ' : '✓ '}
          </span>
          {state === 'over'
            ? t('plan.phases.total.over', { minutes: difference })
            : state === 'under'
              ? t('plan.phases.total.under', { minutes: -difference })
              : t('plan.phases.total.exact')}
        </span>
      </div>
      <div className="plan-total-bar" aria-hidden="true">
        <span className="plan-total-fill" style={{ width: `${ratio * 100}%` }} />
        {state === 'over' && <span className="plan-total-overflow" />}
      </div>
    </div>
  );
}
