import { useTranslation } from 'react-i18next';
import {
  countsPerPhase,
  intervalSeries,
  ratingsPerItem,
  timePerPhase,
} from '../../model/aggregates.ts';
import type { Phase } from '../../model/cycleTypes.ts';
import type { EventKind, ObservationEvent } from '../../model/eventLog.ts';
import { levelLabel } from '../../model/runTemplate.ts';
import type { Labels } from './labels.ts';
import { PhaseTimeTable } from './PhaseTimeTable.tsx';

type Props = {
  /** Effective events without the interviews: the clock events count for the time per phase. */
  lessonEvents: readonly ObservationEvent[];
  /** The recorded observations of the lesson (see lessonRecords). */
  records: readonly ObservationEvent[];
  phases: readonly Phase[];
  labels: Labels;
};

const COUNT_KINDS = ['tally', 'check', 'rating', 'interval', 'note', 'photo'] as const;

/** Planned against actual time, counts per phase, ratings per item and interval answers. */
export function RunSummary({ lessonEvents, records, phases, labels }: Props) {
  const { t } = useTranslation();
  return (
    <section className="stack timeline-summary" aria-labelledby="timeline-summary-heading">
      <h2 id="timeline-summary-heading">{t('timeline.summary.heading')}</h2>
      <div className="timeline-summary-grid">
        <TimeTable events={lessonEvents} phases={phases} labels={labels} />
        <CountsTable records={records} phases={phases} labels={labels} />
        <RatingsTable records={records} labels={labels} />
        <IntervalTables records={records} labels={labels} />
      </div>
    </section>
  );
}

function TimeTable({
  events,
  phases,
  labels,
}: {
  events: readonly ObservationEvent[];
  phases: readonly Phase[];
  labels: Labels;
}) {
  const { t } = useTranslation();
  const time = timePerPhase(
    events,
    phases.map((phase) => ({ id: phase.id, minutes: phase.minutes })),
  );
  return (
    <div className="card summary-card">
      <h3 id="summary-time">{t('timeline.summary.time.heading')}</h3>
      {time.observer === null ? (
        <p className="muted">{t('timeline.summary.time.noClock')}</p>
      ) : (
        <>
          <PhaseTimeTable time={time} labels={labels} labelledBy="summary-time" />
          <p className="muted small">
            {t('timeline.summary.time.clockOf', { name: labels.memberName(time.observer) })}
            {!time.ended && ` ${t('timeline.summary.time.running')}`}
          </p>
        </>
      )}
    </div>
  );
}

function CountsTable({
  records,
  phases,
  labels,
}: {
  records: readonly ObservationEvent[];
  phases: readonly Phase[];
  labels: Labels;
}) {
  const { t } = useTranslation();
  const rows = countsPerPhase(
    records,
    phases.map((phase) => phase.id),
  );
  const kinds = COUNT_KINDS.filter((kind) => rows.some((row) => (row.byKind[kind] ?? 0) !== 0));
  const total = (kind: EventKind) => rows.reduce((sum, row) => sum + (row.byKind[kind] ?? 0), 0);
  return (
    <div className="card summary-card">
      <h3 id="summary-counts">{t('timeline.summary.counts.heading')}</h3>
      <div className="table-scroll">
        <table className="summary-table" aria-labelledby="summary-counts">
          <thead>
            <tr>
              <th scope="col">{t('timeline.summary.counts.phase')}</th>
              {kinds.map((kind) => (
                <th key={kind} scope="col" className="num">
                  {t(`timeline.summary.counts.${kind}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('timeline.summary.counts.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.phaseId ?? ''}>
                <th scope="row">{labels.phase(row.phaseId)}</th>
                {kinds.map((kind) => (
                  <td key={kind} className="num">
                    {row.byKind[kind] ?? 0}
                  </td>
                ))}
                <td className="num">{row.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('timeline.summary.counts.total')}</th>
              {kinds.map((kind) => (
                <td key={kind} className="num">
                  {total(kind)}
                </td>
              ))}
              <td className="num">{rows.reduce((sum, row) => sum + row.total, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

function RatingsTable({
  records,
  labels,
}: {
  records: readonly ObservationEvent[];
  labels: Labels;
}) {
  const { t, i18n } = useTranslation();
  // In kijkwijzer order (items outside it last), as the team reads the kijkwijzer.
  const order = labels.itemOrder;
  const ratings = ratingsPerItem(records).sort(
    (a, b) => (order.get(a.itemId) ?? order.size) - (order.get(b.itemId) ?? order.size),
  );
  const mean = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (
    <div className="card summary-card">
      <h3 id="summary-ratings">{t('timeline.summary.ratings.heading')}</h3>
      {ratings.length === 0 ? (
        <p className="muted">{t('timeline.summary.ratings.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="summary-table" aria-labelledby="summary-ratings">
            <thead>
              <tr>
                <th scope="col">{t('timeline.summary.ratings.item')}</th>
                <th scope="col" className="num">
                  {t('timeline.summary.ratings.n')}
                </th>
                <th scope="col" className="num">
                  {t('timeline.summary.ratings.mean')}
                </th>
                {[1, 2, 3, 4].map((value) => (
                  <th key={value} scope="col" className="num">
                    <abbr title={t('timeline.summary.ratings.level', { value })}>{value}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ratings.map((row) => {
                const item = labels.item(row.itemId);
                return (
                  <tr key={row.itemId}>
                    <th scope="row">{labels.itemLabel({ itemId: row.itemId, kind: 'rating' })}</th>
                    <td className="num">{row.n}</td>
                    <td className="num">{row.mean === null ? '—' : mean.format(row.mean)}</td>
                    {row.distribution.map((count, index) => {
                      const value = index + 1;
                      const level = levelLabel(item, value);
                      const title = level
                        ? t('timeline.summary.ratings.levelNamed', { value, label: level })
                        : t('timeline.summary.ratings.level', { value });
                      return (
                        <td key={value} className="num rating-cell" title={title}>
                          <span
                            className="rating-bar"
                            style={{ inlineSize: `${(count / Math.max(1, row.n)) * 100}%` }}
                            aria-hidden="true"
                          />
                          <span className="rating-count">{count}</span>
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
    </div>
  );
}

function IntervalTables({
  records,
  labels,
}: {
  records: readonly ObservationEvent[];
  labels: Labels;
}) {
  const { t } = useTranslation();
  const itemIds = [
    ...new Set(
      records
        .filter((event) => event.kind === 'interval' && event.itemId !== undefined)
        .map((event) => event.itemId as string),
    ),
  ];
  return (
    <div className="card summary-card">
      <h3>{t('timeline.summary.intervals.heading')}</h3>
      {itemIds.length === 0 ? (
        <p className="muted">{t('timeline.summary.intervals.none')}</p>
      ) : (
        itemIds.map((itemId) => (
          <IntervalTable key={itemId} itemId={itemId} records={records} labels={labels} />
        ))
      )}
    </div>
  );
}

function IntervalTable({
  itemId,
  records,
  labels,
}: {
  itemId: string;
  records: readonly ObservationEvent[];
  labels: Labels;
}) {
  const { t } = useTranslation();
  const points = intervalSeries(records, itemId);
  const minutes = [...new Set(points.map((point) => point.minute))].sort((a, b) => a - b);
  // One row per observer and pupil; the latest answer in a minute is the one shown.
  const rows = new Map<string, { who: string; values: Map<number, number> }>();
  for (const point of points) {
    const key = `${point.observer}|${point.pupilId ?? ''}`;
    const pupil = labels.pupil(point.pupilId);
    const row = rows.get(key) ?? {
      who: pupil ? `${labels.member(point.observer)} · ${pupil}` : labels.member(point.observer),
      values: new Map<number, number>(),
    };
    row.values.set(point.minute, point.value);
    rows.set(key, row);
  }
  const item = labels.item(itemId);
  const captionId = `interval-${itemId}`;
  return (
    <div className="interval-table">
      <p id={captionId} className="interval-caption">
        <strong>{labels.itemLabel({ itemId, kind: 'interval' })}</strong>
        {item?.prompt ? <span className="muted"> — {item.prompt}</span> : null}
      </p>
      <div className="table-scroll">
        <table className="summary-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('timeline.summary.intervals.observer')}</th>
              {minutes.map((minute) => (
                <th key={minute} scope="col" className="num">
                  {t('timeline.summary.intervals.minute', { minute })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...rows].map(([key, row]) => (
              <tr key={key}>
                <th scope="row">{row.who}</th>
                {minutes.map((minute) => (
                  <td key={minute} className="num">
                    {row.values.get(minute) ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
