/**
 * The Dutch school year runs from 1 August to 31 July (the primary-school
 * act's boundary, which schedules and the agreed professional-development
 * time follow). A school year is named by its two calendar years: "2026-2027".
 */

export type SchoolYear = string & { readonly __kind: 'SchoolYear' };

const FIRST_MONTH = 8;

/** Whether `day` is a day that exists, written `YYYY-MM-DD` (no 30 February). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return (
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === date
  );
}

/** The school year of a day (`YYYY-MM-DD`) or an ISO time (its UTC day); null for anything else. */
export function schoolYearOf(date: string): SchoolYear | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(date);
  if (!match || !isCalendarDay(date.slice(0, 10))) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const start = month >= FIRST_MONTH ? year : year - 1;
  return `${start}-${start + 1}` as SchoolYear;
}

/** The first and last day of a school year, as `YYYY-MM-DD`. */
export function schoolYearBounds(year: SchoolYear): { readonly from: string; readonly to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

/** Whether a date lies in a school year. */
export function inSchoolYear(date: string, year: SchoolYear): boolean {
  return schoolYearOf(date) === year;
}

/** The school years from `first` to `last` (inclusive), newest first. */
export function schoolYearsBetween(first: SchoolYear, last: SchoolYear): SchoolYear[] {
  const out: SchoolYear[] = [];
  for (let start = Number(last.slice(0, 4)); start >= Number(first.slice(0, 4)); start--)
    out.push(`${start}-${start + 1}` as SchoolYear);
  return out;
}
