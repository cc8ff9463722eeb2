import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { showToast } from '../../app/ui/toasts.ts';
import { addBaseline, removeBaseline, updateBaseline } from '../../model/cycleDoc.ts';
import type { Baseline, ModelContext } from '../../model/cycleTypes.ts';
import { DraftInput } from './DraftInput.tsx';

type Props = {
  readonly doc: Y.Doc;
  readonly baselines: readonly Baseline[];
  readonly ctx: ModelContext;
  readonly undo: Y.UndoManager | null;
  readonly readOnly: boolean;
};

function tryWrite(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Parses a typed number ("72", "72,5"); '' is no value; null when it is not a number. */
export function parseBaselineValue(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Optional numbers of the starting data (a baseline score…): label, value, unit. */
export function Baselines({ doc, baselines, ctx, undo, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const numberFormat = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });

  function remove(id: string) {
    removeBaseline(doc, id, ctx);
    showToast(t('cycle.overview.baselines.removed'), {
      label: t('common.undo'),
      run: () => undo?.undo(),
    });
  }

  return (
    <section className="baselines" aria-labelledby="baselines-title">
      <h3 id="baselines-title">{t('cycle.overview.baselines.heading')}</h3>
      <p className="muted small">{t('cycle.overview.baselines.hint')}</p>
      {baselines.length === 0 ? (
        <p className="muted small">{t('cycle.overview.baselines.none')}</p>
      ) : (
        <ul className="baseline-list">
          {baselines.map((baseline) => (
            <li key={baseline.id} className="baseline-row" data-baseline-id={baseline.id}>
              <DraftInput
                className="baseline-label"
                label={t('cycle.overview.baselines.label')}
                value={baseline.label}
                readOnly={readOnly}
                invalidMessage={t('common.tooLong', { max: 200 })}
                commit={(label) => tryWrite(() => updateBaseline(doc, baseline.id, { label }, ctx))}
              />
              <DraftInput
                className="baseline-value"
                label={t('cycle.overview.baselines.value')}
                value={baseline.value === null ? '' : numberFormat.format(baseline.value)}
                readOnly={readOnly}
                invalidMessage={t('cycle.page.invalidNumber')}
                commitOn="blur"
                inputProps={{ inputMode: 'decimal' }}
                commit={(text) => {
                  const value = parseBaselineValue(text);
                  if (value === undefined) return false;
                  return tryWrite(() => updateBaseline(doc, baseline.id, { value }, ctx));
                }}
              />
              <DraftInput
                className="baseline-unit"
                label={t('cycle.overview.baselines.unit')}
                value={baseline.unit}
                readOnly={readOnly}
                invalidMessage={t('common.tooLong', { max: 40 })}
                commit={(unit) => tryWrite(() => updateBaseline(doc, baseline.id, { unit }, ctx))}
              />
              {!readOnly && (
                <button
                  type="button"
                  className="icon-button baseline-remove"
                  aria-label={`${t('cycle.overview.baselines.remove')}: ${baseline.label}`}
                  onClick={() => remove(baseline.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <button
          type="button"
          onClick={() =>
            addBaseline(
              doc,
              { label: t('cycle.overview.baselines.newLabel'), value: null, unit: '' },
              ctx,
            )
          }
        >
          + {t('cycle.overview.baselines.add')}
        </button>
      )}
    </section>
  );
}
