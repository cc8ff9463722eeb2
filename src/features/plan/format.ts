/** Display helpers of the plan feature. */

import { dateFormat } from '../../i18n/format.ts';

const DAY: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/** A run date (YYYY-MM-DD, a calendar day without a time zone) in the user's language. */
export function formatDay(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateFormat(language, DAY).format(date);
}

/** "Leerling A", "Leerling B"…: the first letter not yet used by a pseudonym made from `pattern`. */
export function nextPseudonymLetter(
  existing: readonly string[],
  make: (letter: string) => string,
): string {
  const taken = new Set(existing.map((name) => name.trim().toLowerCase()));
  for (let code = 65; code <= 90; code++) {
    const letter = String.fromCharCode(code);
    if (!taken.has(make(letter).toLowerCase())) return letter;
  }
  return String(existing.length + 1);
}
