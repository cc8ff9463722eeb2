import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EvidenceRef, MAX_EVIDENCE } from '../../model/debrief.ts';
import { eventLine, evidenceLabel, useDebriefScope } from './debriefScope.ts';

export const evidenceKey = (ref: EvidenceRef): string =>
  ref.type === 'event'
    ? `e:${ref.id}`
    : ref.type === 'cell'
      ? `c:${ref.pupilId}:${ref.phaseId}`
      : `s:${ref.key}`;

/** A piece of evidence as a chip, with a way to take it off where that is allowed. */
export function EvidenceChip({
  reference,
  note,
  onRemove,
}: {
  reference: EvidenceRef;
  note?: string;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const label = evidenceLabel(t, reference, scope);
  return (
    <span className={`evidence-chip evidence-${reference.type}`}>
      <span>{label}</span>
      {note && <span className="muted small"> · {note}</span>}
      {onRemove && (
        <button
          type="button"
          className="chip-remove"
          aria-label={t('debrief.evidence.remove', { label })}
          onClick={onRemove}
        >
          ✕
        </button>
      )}
    </span>
  );
}

/** The evidence chosen so far for a draft, each chip removable; nothing while none is chosen. */
export function ChosenEvidence({
  evidence,
  onChange,
}: {
  evidence: readonly EvidenceRef[];
  onChange: (next: EvidenceRef[]) => void;
}) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence-chips">
      {evidence.map((ref) => (
        <li key={evidenceKey(ref)}>
          <EvidenceChip
            reference={ref}
            onRemove={() =>
              onChange(evidence.filter((each) => evidenceKey(each) !== evidenceKey(ref)))
            }
          />
        </li>
      ))}
    </ul>
  );
}

const LISTED = 60;

/**
 * Choosing evidence for a contribution or finding: the flagged moments, the
 * observations (searchable, by pupil) and the cells of the matrix.
 */
export function EvidencePicker({
  chosen,
  onChange,
  onClose,
}: {
  chosen: readonly EvidenceRef[];
  onChange: (next: EvidenceRef[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const [query, setQuery] = useState('');
  const [pupil, setPupil] = useState('');
  const keys = new Set(chosen.map(evidenceKey));
  const toggle = (ref: EvidenceRef) => {
    const key = evidenceKey(ref);
    if (keys.has(key)) onChange(chosen.filter((each) => evidenceKey(each) !== key));
    else if (chosen.length < MAX_EVIDENCE) onChange([...chosen, ref]);
  };
  const records = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const out = [];
    for (const event of scope.events) {
      if (event.kind === 'start' || event.kind === 'end' || event.kind === 'phase') continue;
      if (pupil && event.pupilId !== pupil) continue;
      const line = eventLine(t, event, scope.labels);
      if (needle && !line.toLowerCase().includes(needle)) continue;
      out.push({ event, line });
      if (out.length >= LISTED) break;
    }
    return out;
  }, [scope.events, scope.labels, query, pupil, t]);
  const phases = scope.rl?.phases ?? [];

  const option = (ref: EvidenceRef, label: string) => {
    const key = evidenceKey(ref);
    return (
      <li key={key}>
        <label className="checkbox">
          <input type="checkbox" checked={keys.has(key)} onChange={() => toggle(ref)} />
          <span>{label}</span>
        </label>
      </li>
    );
  };

  return (
    <section className="card stack evidence-picker" aria-labelledby="evidence-picker-heading">
      <h4 id="evidence-picker-heading">{t('debrief.evidence.picker')}</h4>
      {scope.state.flags.length > 0 && (
        <fieldset>
          <legend>{t('debrief.evidence.flagged')}</legend>
          <ul className="evidence-options">
            {scope.state.flags.map((flag) =>
              option(flag.evidence, evidenceLabel(t, flag.evidence, scope)),
            )}
          </ul>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('debrief.evidence.records')}</legend>
        <div className="row">
          <input
            type="search"
            aria-label={t('debrief.evidence.search')}
            placeholder={t('debrief.evidence.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <select
            aria-label={t('debrief.evidence.pupilFilter')}
            value={pupil}
            onChange={(event) => setPupil(event.target.value)}
          >
            <option value="">{t('debrief.evidence.allPupils')}</option>
            {scope.cycle.casePupils.map((each) => (
              <option key={each.id} value={each.id}>
                {each.pseudonym}
              </option>
            ))}
          </select>
        </div>
        {records.length === 0 ? (
          <p className="muted small">{t('debrief.evidence.none')}</p>
        ) : (
          <ul className="evidence-options">
            {records.map(({ event, line }) => option({ type: 'event', id: event.id }, line))}
          </ul>
        )}
      </fieldset>
      {phases.length > 0 && scope.cycle.casePupils.length > 0 && (
        <fieldset>
          <legend>{t('debrief.evidence.cells')}</legend>
          <ul className="evidence-options">
            {scope.cycle.casePupils
              .filter((each) => !pupil || each.id === pupil)
              .flatMap((each) =>
                phases.map((phase) => {
                  const ref: EvidenceRef = { type: 'cell', pupilId: each.id, phaseId: phase.id };
                  return option(ref, evidenceLabel(t, ref, scope));
                }),
              )}
          </ul>
        </fieldset>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={onClose}>
          {t('debrief.evidence.done')}
        </button>
      </div>
    </section>
  );
}
