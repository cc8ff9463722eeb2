/** One reported figure (an entry of bench/results.json). */
export interface BenchResult {
  /** kebab-case, stable across runs */
  name: string;
  value: number;
  unit: string;
  /** The performance budget in `unit`, or null when the figure has none. */
  budget: number | null;
}

/** A benchmark module's output: its figures plus free-form notes for the log. */
export interface BenchOutput {
  results: BenchResult[];
  notes: string[];
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** `min …, median …, p95 …, max … ms` of samples in ms, for a benchmark's notes. */
export function summarizeMs(samples: readonly number[]): string {
  return (
    `min ${round(Math.min(...samples), 1)}, median ${round(percentile(samples, 50), 1)}, ` +
    `p95 ${round(percentile(samples, 95), 1)}, max ${round(Math.max(...samples), 1)} ms`
  );
}

/** Whether a figure is within budget (lower is better for every figure we report). */
export function withinBudget(result: BenchResult): boolean | null {
  return result.budget === null ? null : result.value <= result.budget;
}

/** A plain-text table: name | value | unit | budget | ok. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = [
    ['name', 'value', 'unit', 'budget', 'ok'],
    ...results.map((result) => {
      const ok = withinBudget(result);
      return [
        result.name,
        String(result.value),
        result.unit,
        result.budget === null ? '-' : String(result.budget),
        ok === null ? '-' : ok ? 'yes' : 'NO',
      ];
    }),
  ];
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
      .join(' | ')
      .trimEnd();
  const separator = widths?.map((width) => '-'.repeat(width)).join('-|-') ?? '';
  return [line(rows[0] ?? []), separator, ...rows.slice(1).map(line)].join('\n');
}
