import { slug } from '../../app/download.ts';
import { localDay } from '../../app/localDay.ts';

/** `<cycle title>-<date>.leskring`; `date` is the run's day (YYYY-MM-DD) or '' for today's. */
export function logFileName(cycleTitle: string, date: string, today: Date = new Date()): string {
  const day = date || localDay(today);
  return `${slug(cycleTitle) || 'observaties'}-${day}.leskring`;
}
