import { useTranslation } from 'react-i18next';
import '../../i18n/debriefTexts.ts';
import type { CycleSnapshot } from '../../model/cycleTypes.ts';
import { compareLessons } from '../../model/findingChecks.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { measureText } from '../debrief/measureText.ts';

/** RL1–RL3 side by side: the data of each lesson's observed runs, item by item. */
export function LessonComparison({ cycle }: { cycle: CycleSnapshot }) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const comparison = useYSnapshot(session.doc, (doc) => compareLessons(doc, cycle), [cycle]);
  if (!comparison || comparison.items.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="lesson-data-heading">
      <h2 id="lesson-data-heading">{t('debrief.compare.heading')}</h2>
      <p className="muted small">{t('debrief.compare.intro')}</p>
      <div className="table-scroll">
        <table className="summary-table" data-testid="lesson-data">
          <thead>
            <tr>
              <th scope="col">{t('debrief.compare.item')}</th>
              {comparison.lessons.map(({ rl, runs }) => (
                <th key={rl.id} scope="col" className="num">
                  {t('plan.rl.short', { number: rl.number })}
                  <br />
                  <span className="muted small">
                    {runs === 0
                      ? t('debrief.compare.notObserved')
                      : t('debrief.compare.runs', { count: runs })}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.items.map((item) => (
              <tr key={item.key}>
                <th scope="row">{item.label}</th>
                {comparison.lessons.map(({ rl, measures }) => (
                  <td key={rl.id} className="num">
                    {measureText(t, measures.get(item.key), '–')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
