import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhaseTimeTable } from '../timeline/PhaseTimeTable.tsx';
import { useContributionDraft } from './contributionDraft.ts';
import { useDebriefScope } from './debriefScope.ts';

// Chart.js is loaded only when a debrief reaches its summaries (it stays out of the initial bundle).
const SummaryCharts = lazy(() => import('./SummaryCharts.tsx'));

/** Patterns across the class: the summaries of all observers' records, as accessible tables. */
export function SummariesStep() {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const { summaries, labels } = scope;
  const [charts, setCharts] = useState(true);
  const nothing =
    summaries.ratings.length === 0 &&
    summaries.tallies.length === 0 &&
    summaries.timeOnTask.length === 0 &&
    summaries.time.observer === null;
  if (nothing) return <p className="empty-state">{t('debrief.summaries.empty')}</p>;
  const itemLabel = (itemId: string) => labels.itemLabel({ itemId, kind: 'tally' });
  const bins = Math.max(0, ...summaries.tallies.map((row) => row.perInterval.length));

  return (
    <div className="stack debrief-summaries" data-testid="debrief-summaries">
      {!scope.presenting && (
        <button
          type="button"
          className="summary-toggle"
          aria-pressed={charts}
          onClick={() => setCharts((on) => !on)}
        >
          {charts ? t('debrief.summaries.hideCharts') : t('debrief.summaries.showCharts')}
        </button>
      )}
      {(charts || scope.presenting) && (
        <Suspense fallback={<p className="muted">{t('debrief.summaries.chartsLoading')}</p>}>
          <SummaryCharts summaries={summaries} labels={labels} />
        </Suspense>
      )}
      {summaries.time.observer !== null && (
        <section className="card">
          <h3 id="sum-time">{t('debrief.summaries.time')}</h3>
          <PhaseTimeTable time={summaries.time} labels={labels} labelledBy="sum-time" />
        </section>
      )}
      {summaries.ratings.length > 0 && (
        <section className="card">
          <h3 id="sum-ratings">{t('debrief.summaries.ratings')}</h3>
          <div className="table-scroll">
            <table className="summary-table" aria-labelledby="sum-ratings">
              <thead>
                <tr>
                  <th scope="col">{t('debrief.summaries.item')}</th>
                  {[1, 2, 3, 4].map((level) => (
                    <th key={level} scope="col" className="num">
                      {t('debrief.summaries.level', { level })}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('debrief.summaries.n')}
                  </th>
                  <th scope="col" className="num">
                    {t('debrief.summaries.mean')}
                  </th>
                </tr>
              </thead>
              {summaries.ratings.map((section) => (
                <tbody key={section.sectionId}>
                  <tr className="section-row">
                    <th scope="rowgroup">{section.title || t('debrief.summaries.other')}</th>
                    {section.distribution.map((count, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the four levels are positional
                      <td key={i} className="num">
                        {count}
                      </td>
                    ))}
                    <td className="num">{section.n}</td>
                    <td className="num">{section.mean === null ? '–' : section.mean.toFixed(1)}</td>
                  </tr>
                  {section.items.map((item) => (
                    <tr key={item.itemId}>
                      <th scope="row" className="item-row">
                        {itemLabel(item.itemId)}
                        <CiteSummary
                          summaryKey={`rating:${item.itemId}`}
                          label={itemLabel(item.itemId)}
                        />
                      </th>
                      {item.distribution.map((count, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the four levels are positional
                        <td key={i} className="num">
                          {count}
                        </td>
                      ))}
                      <td className="num">{item.n}</td>
                      <td className="num">{item.mean === null ? '–' : item.mean.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        </section>
      )}
      {summaries.tallies.length > 0 && (
        <section className="card">
          <h3 id="sum-tallies">{t('debrief.summaries.tallies')}</h3>
          <div className="table-scroll">
            <table className="summary-table" aria-labelledby="sum-tallies">
              <thead>
                <tr>
                  <th scope="col">{t('debrief.summaries.item')}</th>
                  {(summaries.tallies[0]?.perPhase ?? []).map((cell) => (
                    <th key={cell.phaseId ?? ''} scope="col" className="num">
                      {cell.phaseId === null
                        ? t('debrief.summaries.outsidePlan')
                        : labels.phase(cell.phaseId)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('debrief.summaries.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summaries.tallies.map((row) => (
                  <tr key={row.itemId}>
                    <th scope="row">
                      {itemLabel(row.itemId)}
                      <CiteSummary
                        summaryKey={`tally:${row.itemId}`}
                        label={itemLabel(row.itemId)}
                      />
                    </th>
                    {row.perPhase.map((cell) => (
                      <td key={cell.phaseId ?? ''} className="num">
                        {cell.count}
                      </td>
                    ))}
                    <td className="num">{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {summaries.tallies.length > 0 && (
        <section className="card">
          <h3 id="sum-tallies-time">
            {t('debrief.summaries.talliesOverTime', { minutes: summaries.binMinutes })}
          </h3>
          <div className="table-scroll">
            <table className="summary-table" aria-labelledby="sum-tallies-time">
              <thead>
                <tr>
                  <th scope="col">{t('debrief.summaries.item')}</th>
                  {Array.from({ length: bins }, (_, bin) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: stretches of the lesson are positional
                    <th key={bin} scope="col" className="num">
                      {t('debrief.summaries.minuteRange', {
                        from: bin * summaries.binMinutes,
                        to: (bin + 1) * summaries.binMinutes,
                      })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summaries.tallies.map((row) => (
                  <tr key={row.itemId}>
                    <th scope="row">{itemLabel(row.itemId)}</th>
                    {Array.from({ length: bins }, (_, bin) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: stretches of the lesson are positional
                      <td key={bin} className="num">
                        {row.perInterval[bin] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {summaries.timeOnTask.map((series) => (
        <section className="card" key={series.itemId}>
          <h3 id={`sum-tot-${series.itemId}`}>
            {t('debrief.summaries.timeOnTask')}: {itemLabel(series.itemId)}
          </h3>
          <div className="table-scroll">
            <table className="summary-table" aria-labelledby={`sum-tot-${series.itemId}`}>
              <thead>
                <tr>
                  <th scope="col">{t('debrief.summaries.minute')}</th>
                  <th scope="col" className="num">
                    {t('debrief.summaries.mean')}
                  </th>
                  <th scope="col" className="num">
                    {t('debrief.summaries.n')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.points.map((point) => (
                  <tr key={point.minute}>
                    <th scope="row">{point.minute}</th>
                    <td className="num">{point.mean.toFixed(1)}</td>
                    <td className="num">{point.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

/** Uses a figure of the summaries as evidence for the contribution being written. */
function CiteSummary({ summaryKey, label }: { summaryKey: string; label: string }) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const draft = useContributionDraft();
  if (!draft || scope.readOnly || scope.presenting) return null;
  return (
    <button
      type="button"
      className="link-button small cite-summary"
      aria-label={t('debrief.evidence.cite', { label })}
      onClick={() => draft.cite({ type: 'summary', key: summaryKey })}
    >
      {t('debrief.evidence.citeShort')}
    </button>
  );
}
