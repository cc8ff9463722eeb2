import { useTranslation } from 'react-i18next';
import { textChanges } from '../../model/researchLessons.ts';

type Props = { before: string; after: string };

/**
 * A field before and after, side by side: removed words struck through in
 * "before", added words underlined in "after" (<del>/<ins> with spoken
 * labels, so meaning never rests on color alone).
 */
export function TextDiff({ before, after }: Props) {
  const { t } = useTranslation();
  const changes = textChanges(before, after);
  const empty = <span className="muted">{t('plan.versions.compare.emptyText')}</span>;
  return (
    <div className="text-diff">
      <div className="text-diff-side">
        <span className="text-diff-label">{t('plan.versions.compare.before')}</span>
        <p className="text-diff-text">
          {before === ''
            ? empty
            : changes.map((change, index) =>
                change.kind === 'added' ? null : change.kind === 'removed' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole
                  <del key={index}>
                    <span className="visually-hidden">
                      {t('plan.versions.compare.deletedText')}{' '}
                    </span>
                    {change.text}
                  </del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole
                  <span key={index}>{change.text}</span>
                ),
              )}
        </p>
      </div>
      <div className="text-diff-side">
        <span className="text-diff-label">{t('plan.versions.compare.after')}</span>
        <p className="text-diff-text">
          {after === ''
            ? empty
            : changes.map((change, index) =>
                change.kind === 'removed' ? null : change.kind === 'added' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole
                  <ins key={index}>
                    <span className="visually-hidden">
                      {t('plan.versions.compare.insertedText')}{' '}
                    </span>
                    {change.text}
                  </ins>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole
                  <span key={index}>{change.text}</span>
                ),
              )}
        </p>
      </div>
    </div>
  );
}
