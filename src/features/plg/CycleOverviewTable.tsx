import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate } from '../../i18n/format.ts';
import type { TeamId } from '../../model/ids.ts';
import type { CycleOverview, FollowedItem } from '../../model/plgOverview.ts';
import { formatFigure } from './format.ts';

type Props = {
  teamId: TeamId;
  cycles: readonly CycleOverview[];
  followed: readonly FollowedItem[];
};

/** Every cycle of the year with its stage, lessons taught, last activity and key measures. */
export function CycleOverviewTable({ teamId, cycles, followed }: Props) {
  const { t, i18n } = useTranslation();
  const labelOf = new Map(followed.map((item) => [item.key, item.label]));
  const figure = (value: number | null) =>
    value === null ? '–' : formatFigure(value, i18n.language);
  if (cycles.length === 0) return <p className="empty-state">{t('plg.cycles.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="summary-table plg-cycles" data-testid="plg-cycles">
        <thead>
          <tr>
            <th scope="col">{t('plg.cycles.title')}</th>
            <th scope="col">{t('plg.cycles.stage')}</th>
            <th scope="col" className="num">
              {t('plg.cycles.lessons')}
            </th>
            <th scope="col" className="num">
              {t('plg.cycles.runs')}
            </th>
            <th scope="col">{t('plg.cycles.lastActivity')}</th>
            <th scope="col">{t('plg.cycles.measures')}</th>
          </tr>
        </thead>
        <tbody>
          {cycles.map((cycle) => {
            const measures = [
              ...cycle.baselines.map((baseline) =>
                baseline.after === null
                  ? t('plg.cycles.baselineOpen', {
                      label: baseline.label,
                      before: `${figure(baseline.value)} ${baseline.unit}`.trim(),
                    })
                  : t('plg.cycles.baseline', {
                      label: baseline.label,
                      before: `${figure(baseline.value)} ${baseline.unit}`.trim(),
                      after: `${figure(baseline.after)} ${baseline.unit}`.trim(),
                    }),
              ),
              ...cycle.followed.map(
                ({ key, points }) =>
                  `${labelOf.get(key) ?? key}: ${points
                    .map((point) =>
                      t('plg.cycles.point', { rl: point.rl, value: figure(point.value) }),
                    )
                    .join(' · ')}`,
              ),
            ];
            return (
              <tr key={cycle.cycleId} data-testid="plg-cycle">
                <th scope="row">
                  <Link href={`/teams/${teamId}/cycles/${cycle.cycleId}`}>{cycle.title}</Link>
                </th>
                <td>{t(`cycle.stages.${cycle.stage}`)}</td>
                <td className="num">
                  {t('plg.cycles.lessonsValue', {
                    taught: cycle.lessonsTaught,
                    total: cycle.researchLessons,
                  })}
                </td>
                <td className="num">{cycle.runsTaught}</td>
                <td>{formatDate(cycle.lastActivityAt, i18n.language)}</td>
                <td>
                  {measures.length === 0 ? (
                    <span className="muted">{t('plg.cycles.noMeasures')}</span>
                  ) : (
                    <ul className="plg-measures">
                      {measures.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
