import { describe, expect, it } from 'vitest';
import type { PhaseId } from '../../../src/model/cycleTypes.ts';
import type { ObservationEvent } from '../../../src/model/eventLog.ts';
import { clockText, csvField, EVENT_CSV_COLUMNS, eventsCsv } from '../../../src/model/eventsCsv.ts';
import type { MemberId } from '../../../src/model/ids.ts';

const ANS = 'ans0000000000000' as MemberId;
const header = Object.fromEntries(EVENT_CSV_COLUMNS.map((column) => [column, column])) as Record<
  (typeof EVENT_CSV_COLUMNS)[number],
  string
>;
const labels = {
  phase: () => 'Instructie',
  observer: () => 'Ans',
  pupil: (event: ObservationEvent) => (event.pupilId ? 'Leerling A' : ''),
  kind: (event: ObservationEvent) => event.kind,
  item: (event: ObservationEvent) => event.itemId ?? '',
  value: (event: ObservationEvent) => (event.value === undefined ? '' : String(event.value)),
};
const event = (
  fields: Partial<ObservationEvent> & Pick<ObservationEvent, 'kind'>,
): ObservationEvent => ({
  id: 'evt0000000000001',
  observer: ANS,
  seq: 1,
  t: 125_000,
  at: '2026-10-01T08:02:05.000Z',
  phaseId: 'p1' as PhaseId,
  ...fields,
});

describe('the CSV of a run for a Dutch spreadsheet', () => {
  it('starts with a byte-order mark and the header, separates with semicolons and ends lines with CRLF', () => {
    const csv = eventsCsv(
      [event({ kind: 'tally', itemId: 'hulp', pupilId: 'pa' })],
      header,
      labels,
    );
    expect(
      csv.startsWith(
        '\uFEFFtime;phase;observer;pupil;kind;item;value;number;text;recordedAt;eventId\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      '2:05;Instructie;Ans;Leerling A;tally;hulp;;1;;2026-10-01T08:02:05.000Z;evt0000000000001',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes numbers with a decimal comma and a check as 1 or 0', () => {
    const rows = eventsCsv(
      [event({ kind: 'interval', value: 2.5 }), event({ kind: 'check', value: false })],
      header,
      labels,
    ).split('\r\n');
    expect(rows[1]?.split(';')[7]).toBe('2,5');
    expect(rows[2]?.split(';')[7]).toBe('0');
  });

  it('quotes text with semicolons, quotes or line breaks, and keeps Dutch characters', () => {
    const csv = eventsCsv(
      [event({ kind: 'note', text: 'Zegt: "dat is ¾"; dan\nstil, één keer' })],
      header,
      labels,
    );
    expect(csv).toContain('"Zegt: ""dat is ¾""; dan\nstil, één keer"');
  });

  it('makes text that a spreadsheet would run as a formula inert', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+31 6')).toBe("'+31 6");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@echo')).toBe("'@echo");
    expect(csvField('gewoon')).toBe('gewoon');
  });

  it('is the header alone without events', () => {
    expect(eventsCsv([], header, labels).split('\r\n')).toHaveLength(2);
  });

  it('shows the lesson clock as m:ss', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(61_999)).toBe('1:01');
    expect(clockText(3_600_000)).toBe('60:00');
  });
});
