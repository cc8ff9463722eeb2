import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { showToast } from '../../app/ui/toasts.ts';
import { addBaseline, removeBaseline, updateBaseline } from '../../model/cycleDoc.ts';
import type { Baseline } from '../../model/cycleTypes.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { DraftInput } from './DraftInput.tsx';
import { tryChange } from './metaWrites.ts';

type Props = {
  readonly baselines: readonly Baseline[];
  readonly undo: Y.UndoManager | null;
  readonly readOnly: boolean;
};

/** Parses a typed number ("72", "72,5"); '' is no value; null when it is not a number. */
export function parseBaselineValue(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Optional numbers of the starting data (a baseline score…): label, value, unit. */
export function Baselines({ baselines, undo, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const cycle = useSession('cycle');
  const numberFormat = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });

  function remove(id: string) {
    void cycle.change((doc, ctx) => removeBaseline(doc, id, ctx));
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
                commit={(label) =>
                  tryChange(cycle, (doc, ctx) => updateBaseline(doc, baseline.id, { label }, ctx))
                }
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
                  return tryChange(cycle, (doc, ctx) =>
                    updateBaseline(doc, baseline.id, { value }, ctx),
                  );
                }}
              />
              <DraftInput
                className="baseline-unit"
                label={t('cycle.overview.baselines.unit')}
                value={baseline.unit}
                readOnly={readOnly}
                invalidMessage={t('common.tooLong', { max: 40 })}
                commit={(unit) =>
                  tryChange(cycle, (doc, ctx) => updateBaseline(doc, baseline.id, { unit }, ctx))
                }
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
            void cycle.change((doc, ctx) =>
              addBaseline(
                doc,
                { label: t('cycle.overview.baselines.newLabel'), value: null, unit: '' },
                ctx,
              ),
            )
          }
        >
          + {t('cycle.overview.baselines.add')}
        </button>
      )}
    </section>
  );
}
