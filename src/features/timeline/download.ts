import { slug } from '../../app/download.ts';

/** `<cycle title>-<date>.leskring`; `date` is the run's day (YYYY-MM-DD) or '' for today's. */
export function logFileName(cycleTitle: string, date: string, today: Date = new Date()): string {
  const day =
    date ||
    `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return `${slug(cycleTitle) || 'observaties'}-${day}.leskring`;
}
