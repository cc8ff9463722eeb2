import { useTranslation } from 'react-i18next';
import type { TimePerPhase } from '../../model/aggregates.ts';
import type { Labels } from './labels.ts';

const minutesOf = (ms: number): number => Math.round(ms / 60_000);

/**
 * Planned against actual time per phase, with the difference and the totals:
 * the same table in a run's summary and in the debrief's patterns step.
 */
export function PhaseTimeTable({
  time,
  labels,
  labelledBy,
}: {
  time: TimePerPhase;
  labels: Labels;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const plannedTotalMs = time.phases.reduce((sum, row) => sum + (row.plannedMs ?? 0), 0);
  // Every figure in whole minutes with its unit, so planned, actual and difference read alike.
  const minutes = (ms: number) => t('timeline.summary.time.minutes', { count: minutesOf(ms) });
  const difference = (plannedMs: number | null, actualMs: number) => {
    if (plannedMs === null) return '';
    const delta = minutesOf(actualMs - plannedMs);
    const size = t('timeline.summary.time.minutes', { count: Math.abs(delta) });
    return delta === 0 ? size : `${delta > 0 ? '+' : '−'}${size}`;
  };
  return (
    <div className="table-scroll">
      <table className="summary-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('timeline.summary.time.phase')}</th>
            <th scope="col" className="num">
              {t('timeline.summary.time.planned')}
            </th>
            <th scope="col" className="num">
              {t('timeline.summary.time.actual')}
            </th>
            <th scope="col" className="num">
              {t('timeline.summary.time.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {time.phases.map((row) => (
            <tr key={row.phaseId ?? ''}>
              <th scope="row">{labels.phase(row.phaseId)}</th>
              <td className="num">
                {row.plannedMs === null
                  ? t('timeline.summary.time.notPlanned')
                  : minutes(row.plannedMs)}
              </td>
              <td className="num">{minutes(row.actualMs)}</td>
              <td className="num">{difference(row.plannedMs, row.actualMs)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('timeline.summary.time.total')}</th>
            <td className="num">{minutes(plannedTotalMs)}</td>
            <td className="num">{minutes(time.totalMs)}</td>
            <td className="num">{difference(plannedTotalMs, time.totalMs)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
