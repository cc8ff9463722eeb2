import type { ObservationEvent } from './eventLog.ts';

/**
 * A run's observation events as a CSV file that opens correctly in a Dutch
 * spreadsheet (Excel, LibreOffice, Numbers with a Dutch locale): fields
 * separated by semicolons (the comma is the Dutch decimal sign), UTF-8 with
 * a byte-order mark (so "é" and "’" survive a double-click open), CRLF line
 * ends, and every field that could be read as a formula made inert.
 *
 * Columns, in this order (the header row names them in the user's language):
 *   time        lesson clock of the observer, m:ss
 *   phase       the lesson phase as the observer saw it
 *   observer    the colleague who recorded it (display name)
 *   pupil       case pupil's pseudonym; never a real name
 *   kind        tally, check, rating, interval, note, photo (translated)
 *   item        the kijkwijzer item
 *   value       the value as shown in the app (a level's label, seen/not seen…)
 *   number      the value as a number, with a decimal comma (empty without one)
 *   text        a note's text
 *   recordedAt  wall-clock time it was recorded (ISO 8601, UTC)
 *   eventId     the event's id
 */
export const EVENT_CSV_COLUMNS = [
  'time',
  'phase',
  'observer',
  'pupil',
  'kind',
  'item',
  'value',
  'number',
  'text',
  'recordedAt',
  'eventId',
] as const;
export type EventCsvColumn = (typeof EVENT_CSV_COLUMNS)[number];

/** How the app names what an event refers to (the timeline's labels). */
export type EventCsvLabels = {
  readonly phase: (event: ObservationEvent) => string;
  readonly observer: (event: ObservationEvent) => string;
  readonly pupil: (event: ObservationEvent) => string;
  readonly kind: (event: ObservationEvent) => string;
  readonly item: (event: ObservationEvent) => string;
  readonly value: (event: ObservationEvent) => string;
};

const SEPARATOR = ';';
const BOM = '\uFEFF';

/** m:ss of a lesson clock. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A number with a decimal comma, as a Dutch spreadsheet reads it. */
function dutchNumber(value: ObservationEvent['value']): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return String(value).replace('.', ',');
}

/**
 * One field: quoted when it holds the separator, a quote or a line break;
 * text a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe, so a note never becomes a formula.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** The whole file: BOM, the header row, one row per event; CRLF line ends. */
export function eventsCsv(
  events: readonly ObservationEvent[],
  header: Readonly<Record<EventCsvColumn, string>>,
  labels: EventCsvLabels,
): string {
  const rows = [EVENT_CSV_COLUMNS.map((column) => header[column])];
  for (const event of events)
    rows.push([
      clockText(event.t),
      labels.phase(event),
      labels.observer(event),
      labels.pupil(event),
      labels.kind(event),
      labels.item(event),
      labels.value(event),
      event.kind === 'tally'
        ? dutchNumber(event.value ?? 1)
        : event.kind === 'note' || event.kind === 'photo'
          ? ''
          : dutchNumber(event.value),
      event.text ?? '',
      event.at,
      event.id,
    ]);
  return `${BOM}${rows.map((row) => row.map(csvField).join(SEPARATOR)).join('\r\n')}\r\n`;
}
