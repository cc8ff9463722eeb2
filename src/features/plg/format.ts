/** Learning time in hours, one decimal, in the user's language ("12,5"). */
export function formatHours(minutes: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** A measure in the user's language: at most two decimals. */
export function formatFigure(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** Today as YYYY-MM-DD in the device's time zone. */
