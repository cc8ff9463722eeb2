import { useTranslation } from 'react-i18next';
import type { SchoolYear } from '../../model/schoolYear.ts';

type Props = {
  id: string;
  year: SchoolYear;
  years: readonly SchoolYear[];
  onChange: (year: SchoolYear) => void;
  className?: string;
};

/** The school year to show ("2026–2027"), labelled for screen readers. */
export function YearSelect({ id, year, years, onChange, className }: Props) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <label htmlFor={id}>{t('plg.year')}</label>{' '}
      <select id={id} value={year} onChange={(event) => onChange(event.target.value as SchoolYear)}>
        {years.map((each) => (
          <option key={each} value={each}>
            {each.replace('-', '–')}
          </option>
        ))}
      </select>
    </div>
  );
}
