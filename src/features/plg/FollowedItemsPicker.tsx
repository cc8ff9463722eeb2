import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { FollowedItem } from '../../model/plgOverview.ts';
import { MAX_FOLLOWED_ITEMS, setFollowedItems } from '../../model/plgSettings.ts';
import { useSession } from '../../sync/SessionContext.tsx';

type Props = {
  measured: readonly FollowedItem[];
  followed: readonly FollowedItem[];
  editable: boolean;
};

/** The kijkwijzer items the team follows across cycles, chosen from those any cycle measured. */
export function FollowedItemsPicker({ measured, followed, editable }: Props) {
  const { t } = useTranslation();
  const team = useSession('team');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(followed.map((item) => item.key)),
  );
  const [error, setError] = useState('');
  const changed = chosen.size !== followed.length || followed.some((item) => !chosen.has(item.key));

  function toggle(key: string) {
    setError('');
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (chosen.size > MAX_FOLLOWED_ITEMS)
      return setError(t('plg.follow.tooMany', { max: MAX_FOLLOWED_ITEMS }));
    // Items followed before that no cycle measures any more stay followed.
    const known = new Map([...followed, ...measured].map((item) => [item.key, item]));
    const items = [...chosen].flatMap((key) => {
      const item = known.get(key);
      return item ? [item] : [];
    });
    void team
      .change((doc) => setFollowedItems(doc, items, team.origin))
      .then(() => showToast(t('plg.follow.saved', { count: items.length })));
  }

  const all = [...new Map([...followed, ...measured].map((item) => [item.key, item])).values()];
  return (
    <section className="card stack" aria-labelledby="plg-follow-heading">
      <h2 id="plg-follow-heading">{t('plg.follow.heading')}</h2>
      <p className="muted small">{t('plg.follow.intro')}</p>
      {all.length === 0 ? (
        <p className="empty-state">{t('plg.follow.none')}</p>
      ) : (
        <form className="stack" onSubmit={save} noValidate>
          <fieldset className="plg-follow-items" disabled={!editable}>
            <legend className="visually-hidden">{t('plg.follow.heading')}</legend>
            {all.map((item) => (
              <label key={item.key} className="check-row">
                <input
                  type="checkbox"
                  checked={chosen.has(item.key)}
                  onChange={() => toggle(item.key)}
                />
                {item.label}{' '}
                <span className="muted small">({t(`plg.follow.kinds.${item.kind}`)})</span>
              </label>
            ))}
          </fieldset>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {editable && (
            <button type="submit" className="primary" disabled={!changed}>
              {t('plg.follow.save')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
