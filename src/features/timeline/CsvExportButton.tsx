import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, slug } from '../../app/download.ts';
import { translator } from '../../i18n/translate.ts';
import { describeValue } from '../../model/describeEvent.ts';
import { OBSERVATION_KINDS, type ObservationEvent } from '../../model/eventLog.ts';
import { EVENT_CSV_COLUMNS, eventsCsv } from '../../model/eventsCsv.ts';
import type { Labels } from './labels.ts';

type Props = {
  /** The run's effective events (every observer, interview answers included). */
  events: readonly ObservationEvent[];
  labels: Labels;
  cycleTitle: string;
  /** The run's day (YYYY-MM-DD), or ''. */
  date: string;
};

/** The run's observations as a CSV file for a (Dutch) spreadsheet; see model/eventsCsv.ts. */
export function CsvExportButton({ events, labels, cycleTitle, date }: Props) {
  const { t } = useTranslation();
  const hintId = useId();

  function exportCsv() {
    const translate = translator(t);
    const header = Object.fromEntries(
      EVENT_CSV_COLUMNS.map((column) => [column, t(`timeline.csv.columns.${column}`)]),
    ) as Record<(typeof EVENT_CSV_COLUMNS)[number], string>;
    const text = eventsCsv(
      events.filter((event) => OBSERVATION_KINDS.has(event.kind)),
      header,
      {
        phase: (event) => labels.phase(event.phaseId),
        observer: (event) => labels.memberName(event.observer),
        pupil: (event) => labels.pupil(event.pupilId),
        kind: (event) => t(`timeline.kinds.${event.kind}`),
        item: (event) => (event.itemId === undefined ? '' : labels.itemLabel(event)),
        // A tally's "+1" says nothing the number column does not.
        value: (event) =>
          event.kind === 'tally' ? '' : describeValue(event, labels.items, translate),
      },
    );
    const name = `${slug(cycleTitle) || 'observaties'}-${date || 'les'}.csv`;
    downloadFile(new File([text], name, { type: 'text/csv;charset=utf-8' }));
  }

  return (
    <div className="stack">
      <button type="button" onClick={exportCsv} aria-describedby={hintId}>
        {t('timeline.csv.export')}
      </button>
      <p id={hintId} className="muted small">
        {t('timeline.csv.hint')}
      </p>
    </div>
  );
}
