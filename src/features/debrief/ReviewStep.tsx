import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Flag } from '../../model/debrief.ts';
import { RecordRow } from '../timeline/RecordRow.tsx';
import { useDebriefScope } from './debriefScope.ts';
import { EvidenceChip } from './EvidenceChips.tsx';

const PAGE = 40;

/**
 * The quiet review: every observer looks through the notes, photos and
 * interview answers of all observers and flags the moments to discuss.
 */
export function ReviewStep() {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const { state, events, labels, readOnly, presenting } = scope;
  const [shown, setShown] = useState(PAGE);
  const moments = useMemo(
    () => events.filter((e) => e.kind === 'note' || e.kind === 'photo'),
    [events],
  );
  const flagOf = useMemo(() => {
    const map = new Map<string, Flag>();
    for (const flag of state.flags)
      if (flag.evidence.type === 'event') map.set(flag.evidence.id, flag);
    return map;
  }, [state.flags]);

  return (
    <div className="stack debrief-review">
      <section aria-labelledby="debrief-flags-heading">
        <h3 id="debrief-flags-heading">
          {t('debrief.review.flags', { count: state.flags.length })}
        </h3>
        {state.flags.length === 0 ? (
          <p className="muted">{t('debrief.review.noFlags')}</p>
        ) : (
          <ul className="evidence-chips" data-testid="debrief-flags">
            {state.flags.map((flag) => (
              <li key={flag.id}>
                <EvidenceChip
                  reference={flag.evidence}
                  note={t('debrief.review.flaggedBy', {
                    name: labels.memberName(flag.by as never),
                  })}
                  onRemove={
                    readOnly || presenting
                      ? undefined
                      : () => scope.write({ kind: 'remove', target: flag.id })
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {!presenting && (
        <section aria-labelledby="debrief-records-heading">
          <h3 id="debrief-records-heading">{t('debrief.review.records')}</h3>
          <p className="small">
            <Link
              href={`/teams/${scope.teamId}/cycles/${scope.cycleId}/runs/${scope.runId}/timeline`}
            >
              {t('timeline.title')}
            </Link>
          </p>
          <ul className="debrief-records">
            {moments.slice(0, shown).map((event) => {
              const flag = flagOf.get(event.id);
              return (
                <li key={event.id} className={`record${flag ? ' is-flagged' : ''}`}>
                  <RecordRow
                    event={event}
                    labels={labels}
                    teamId={scope.teamId}
                    cycleId={scope.cycleId}
                  />
                  {!readOnly && (
                    <button
                      type="button"
                      aria-pressed={flag !== undefined}
                      onClick={() =>
                        flag
                          ? scope.write({ kind: 'remove', target: flag.id })
                          : scope.write({ kind: 'flag', evidence: { type: 'event', id: event.id } })
                      }
                    >
                      {flag ? t('debrief.review.flagged') : t('debrief.review.flag')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {moments.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              {t('debrief.review.showMore', { count: moments.length - shown })}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
