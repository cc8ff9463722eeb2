import { useTranslation } from 'react-i18next';
import type { ResearchLesson, ResearchLessonId } from '../../model/cycleTypes.ts';

type Props = {
  readonly researchLessons: readonly ResearchLesson[];
  readonly selected: ResearchLessonId;
  readonly onSelect: (id: ResearchLessonId) => void;
};

/** RL1 / RL2 / RL3: which version of the lesson plan the tabs show. */
export function ResearchLessonSwitcher({ researchLessons, selected, onSelect }: Props) {
  const { t } = useTranslation();
  if (researchLessons.length === 0) return null;
  return (
    <fieldset className="segmented rl-switcher">
      <legend className="visually-hidden">{t('cycle.rl.label')}</legend>
      <span className="rl-switcher-label" aria-hidden="true">
        {t('cycle.rl.label')}
      </span>
      {researchLessons.map((rl) => (
        <label key={rl.id} className="segment" title={t('cycle.rl.long', { number: rl.number })}>
          <input
            type="radio"
            name="research-lesson"
            value={rl.id}
            checked={rl.id === selected}
            onChange={() => onSelect(rl.id)}
          />
          <span aria-hidden="true">{t('cycle.rl.short', { number: rl.number })}</span>
          <span className="visually-hidden">{t('cycle.rl.long', { number: rl.number })}</span>
        </label>
      ))}
    </fieldset>
  );
}
