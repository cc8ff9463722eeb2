import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebriefSummaries } from '../../model/debriefSummaries.ts';
import type { Labels } from '../timeline/labels.ts';

// Split off with React.lazy (the summaries step loads it): Chart.js stays out of the initial bundle.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
Chart.defaults.color = '#1c1f21';
Chart.defaults.animation = false;

/** Levels 1–4 from worrying to strong, readable for colour-blind viewers and in grey. */
const LEVEL_COLOURS = ['#b3261e', '#f2b84b', '#7fb8a4', '#1f5f5b'];
const SERIES = ['#1f5f5b', '#f2b84b', '#6b4fa0', '#b3261e', '#2f7fc1', '#50585e'];
/** Bars stay bars: one rated item must not fill the whole chart. */
const MAX_BAR_PX = 28;

type ChartDef = {
  key: string;
  title: string;
  config: ChartConfiguration;
  /** For a chart of horizontal bars: how many rows, so its height follows them. */
  rows?: number;
};

/** Height of a chart of horizontal bars: room per row plus the axis and legend. */
const heightFor = (rows: number | undefined): string | undefined =>
  rows === undefined ? undefined : `${Math.min(32, Math.max(7, 3 + rows * 2.5))}rem`;

type Props = { summaries: DebriefSummaries; labels: Labels };

/** The summaries as charts; every chart has a table beside it with the same numbers. */
export default function SummaryCharts({ summaries, labels }: Props) {
  const { t } = useTranslation();
  // Built once per change of the numbers, so a chart is not redrawn for every render of the step.
  const charts = useMemo(() => chartsOf(summaries, labels, t), [summaries, labels, t]);
  return (
    <div className="summary-charts" data-testid="summary-charts">
      {charts.map((chart) => (
        <figure key={chart.key} className="card summary-chart">
          <figcaption>{chart.title}</figcaption>
          <ChartCanvas config={chart.config} label={chart.title} height={heightFor(chart.rows)} />
        </figure>
      ))}
    </div>
  );
}

function chartsOf(summaries: DebriefSummaries, labels: Labels, t: TFunction): ChartDef[] {
  const item = (itemId: string) => labels.itemLabel({ itemId, kind: 'tally' });
  const charts: ChartDef[] = [];

  if (summaries.time.observer !== null) {
    charts.push({
      key: 'time',
      title: t('debrief.summaries.time'),
      rows: summaries.time.phases.length,
      config: {
        type: 'bar',
        data: {
          labels: summaries.time.phases.map((row) => labels.phase(row.phaseId)),
          datasets: [
            {
              label: t('timeline.summary.time.planned'),
              data: summaries.time.phases.map((row) => (row.plannedMs ?? 0) / 60_000),
              backgroundColor: '#c9c4b8',
              maxBarThickness: MAX_BAR_PX,
            },
            {
              label: t('timeline.summary.time.actual'),
              data: summaries.time.phases.map((row) => Math.round(row.actualMs / 6_000) / 10),
              backgroundColor: '#1f5f5b',
              maxBarThickness: MAX_BAR_PX,
            },
          ],
        },
        options: { indexAxis: 'y', maintainAspectRatio: false },
      },
    });
  }
  const rated = summaries.ratings.flatMap((section) => section.items);
  if (rated.length > 0) {
    charts.push({
      key: 'ratings',
      title: t('debrief.summaries.ratings'),
      rows: rated.length,
      config: {
        type: 'bar',
        data: {
          labels: rated.map((each) => item(each.itemId)),
          datasets: [0, 1, 2, 3].map((level) => ({
            label: t('debrief.summaries.level', { level: level + 1 }),
            data: rated.map((each) => each.distribution[level] ?? 0),
            backgroundColor: LEVEL_COLOURS[level],
            maxBarThickness: MAX_BAR_PX,
          })),
        },
        options: {
          indexAxis: 'y',
          maintainAspectRatio: false,
          scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
        },
      },
    });
  }
  if (summaries.tallies.length > 0) {
    const phases = summaries.tallies[0]?.perPhase ?? [];
    charts.push({
      key: 'tallies',
      title: t('debrief.summaries.tallies'),
      config: {
        type: 'bar',
        data: {
          labels: phases.map((cell) =>
            cell.phaseId === null ? t('debrief.summaries.outsidePlan') : labels.phase(cell.phaseId),
          ),
          datasets: summaries.tallies.map((row, index) => ({
            label: item(row.itemId),
            data: row.perPhase.map((cell) => cell.count),
            backgroundColor: SERIES[index % SERIES.length],
            maxBarThickness: MAX_BAR_PX * 2,
          })),
        },
        options: { maintainAspectRatio: false, scales: { y: { ticks: { precision: 0 } } } },
      },
    });
  }
  for (const series of summaries.timeOnTask) {
    charts.push({
      key: `tot-${series.itemId}`,
      title: `${t('debrief.summaries.timeOnTask')}: ${item(series.itemId)}`,
      config: {
        type: 'line',
        data: {
          labels: series.points.map((point) => String(point.minute)),
          datasets: [
            {
              label: item(series.itemId),
              data: series.points.map((point) => point.mean),
              borderColor: '#1f5f5b',
              backgroundColor: '#1f5f5b',
            },
          ],
        },
        options: {
          maintainAspectRatio: false,
          scales: { x: { title: { display: true, text: t('debrief.summaries.minute') } } },
        },
      },
    });
  }

  return charts;
}

function ChartCanvas({
  config,
  label,
  height,
}: {
  config: ChartConfiguration;
  label: string;
  height: string | undefined;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const chart = new Chart(element, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart-box" style={height ? { height } : undefined}>
      {/* The table beside the chart carries the numbers for screen readers. */}
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
