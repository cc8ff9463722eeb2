import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { CasePupil, PhaseId } from '../../model/cycleTypes.ts';
import {
  type CellJudgement,
  JUDGEMENTS,
  type Judgement,
  MAX_DEBRIEF_TEXT,
} from '../../model/debrief.ts';
import {
  evidenceLines,
  type MatrixCell,
  type ObserverEvidence,
} from '../../model/debriefMatrix.ts';
import { useContributionDraft } from './contributionDraft.ts';
import { eventLine, useDebriefScope } from './debriefScope.ts';

/**
 * The round per case pupil: for the chosen pupil, phase by phase, the
 * prediction against what every observer recorded, and the team's judgement.
 */
export function MatrixStep() {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const { cycle, matrix } = scope;
  const [chosen, setChosen] = useState<string>(cycle.casePupils[0]?.id ?? '');
  const row = matrix.rows.find((each) => each.pupil.id === chosen) ?? matrix.rows[0];

  if (cycle.casePupils.length === 0)
    return <p className="empty-state">{t('debrief.matrix.noPupils')}</p>;
  if (matrix.phases.length === 0)
    return <p className="empty-state">{t('debrief.matrix.noPhases')}</p>;

  return (
    <section className="stack debrief-matrix" aria-labelledby="debrief-matrix-heading">
      <div className="row row-baseline">
        <h3 id="debrief-matrix-heading">{t('debrief.matrix.heading')}</h3>
        <span className="muted small" data-testid="matrix-progress">
          {t('debrief.matrix.progress', { judged: matrix.judged, cells: matrix.cells })}
        </span>
      </div>
      <div className="segmented" role="radiogroup" aria-label={t('debrief.matrix.pupils')}>
        {matrix.rows.map((each) => (
          <label key={each.pupil.id} className="segment">
            <input
              type="radio"
              name="debrief-pupil"
              value={each.pupil.id}
              checked={each.pupil.id === row?.pupil.id}
              onChange={() => setChosen(each.pupil.id)}
            />
            {each.pupil.pseudonym}
          </label>
        ))}
      </div>
      {row && (
        <>
          {row.pupil.profile && <p className="muted small">{row.pupil.profile}</p>}
          <ol className="matrix-cells">
            {row.cells.map((cell, index) => (
              <li key={cell.phaseId}>
                <MatrixCellCard pupil={row.pupil} cell={cell} phaseNumber={index + 1} />
              </li>
            ))}
          </ol>
          {row.unplanned.length > 0 && (
            <section className="card stack">
              <h4>{t('debrief.matrix.unplanned')}</h4>
              <EvidenceLines groups={row.unplanned} />
            </section>
          )}
          {row.interview.length > 0 && (
            <section className="card stack">
              <h4>{t('debrief.matrix.interview')}</h4>
              <ul className="observed-list">
                {row.interview.map((event) => (
                  <li key={event.id}>{eventLine(t, event, scope.labels)}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}

/** Lines shown before "show all": a cell stays readable at a glance. */
const SHOWN_LINES = 8;

function EvidenceLines({ groups }: { groups: readonly ObserverEvidence[] }) {
  const { t } = useTranslation();
  const { labels } = useDebriefScope();
  const [all, setAll] = useState(false);
  const lines = evidenceLines(groups);
  const shown = all ? lines : lines.slice(0, SHOWN_LINES);
  return (
    <>
      <ul className="observed-list">
        {shown.map(({ event, count }) => {
          const line = eventLine(t, event, labels);
          return (
            <li key={event.id}>
              {count > 1 ? t('debrief.matrix.tallied', { line, count }) : line}
            </li>
          );
        })}
      </ul>
      {lines.length > SHOWN_LINES && (
        <button
          type="button"
          className="link-button small"
          aria-expanded={all}
          onClick={() => setAll((on) => !on)}
        >
          {all
            ? t('debrief.matrix.showFewer')
            : t('debrief.matrix.showAll', { count: lines.length })}
        </button>
      )}
    </>
  );
}

function MatrixCellCard({
  pupil,
  cell,
  phaseNumber,
}: {
  pupil: CasePupil;
  cell: MatrixCell;
  phaseNumber: number;
}) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const draft = useContributionDraft();
  const phaseName = scope.labels.phase(cell.phaseId);
  const headingId = `cell-${pupil.id}-${cell.phaseId}`;
  return (
    <article
      className="card matrix-cell stack"
      aria-labelledby={headingId}
      data-testid="matrix-cell"
    >
      <h4 id={headingId}>
        {t('debrief.matrix.phase')} {phaseNumber}: {phaseName}
        {cell.disagreement && (
          <span className="badge badge-warn"> {t('debrief.matrix.disagreement')}</span>
        )}
      </h4>
      <div className="matrix-columns">
        <div>
          <h5>{t('debrief.matrix.prediction')}</h5>
          <p className={cell.prediction ? '' : 'muted'}>
            {cell.prediction || t('debrief.matrix.noPrediction')}
          </p>
        </div>
        <div>
          <h5>{t('debrief.matrix.observed')}</h5>
          {cell.evidence.length === 0 ? (
            <p className="muted">{t('debrief.matrix.nothingObserved')}</p>
          ) : (
            <>
              <p className="muted small">
                {t('debrief.matrix.totals', {
                  tallies: cell.totals.tallies,
                  notes: cell.totals.notes,
                  ratings: cell.totals.ratings,
                })}
              </p>
              <EvidenceLines groups={cell.evidence} />
            </>
          )}
        </div>
      </div>
      {!scope.readOnly && !scope.presenting && draft && (
        <button
          type="button"
          className="link-button small"
          onClick={() => draft.cite({ type: 'cell', pupilId: pupil.id, phaseId: cell.phaseId })}
        >
          {t('debrief.matrix.cite')}
        </button>
      )}
      <JudgementForm
        key={cell.judgement?.at ?? 'none'}
        pupilId={pupil.id}
        phaseId={cell.phaseId}
        judgement={cell.judgement}
        label={headingId}
      />
    </article>
  );
}

function JudgementForm({
  pupilId,
  phaseId,
  judgement,
  label,
}: {
  pupilId: string;
  phaseId: PhaseId;
  judgement: CellJudgement | null;
  label: string;
}) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const [value, setValue] = useState<Judgement | ''>(judgement?.value ?? '');
  const [text, setText] = useState(judgement?.text ?? '');
  const changed = value !== (judgement?.value ?? '') || text !== (judgement?.text ?? '');
  const readOnly = scope.readOnly || scope.presenting;

  if (readOnly)
    return judgement ? (
      <p className="matrix-judgement">
        <strong>{t(`debrief.matrix.values.${judgement.value}`)}</strong>
        {judgement.text && ` — ${judgement.text}`}
      </p>
    ) : null;

  function save() {
    const ok = scope.write({
      kind: 'judgement',
      pupilId: pupilId as never,
      phaseId,
      value: value === '' ? null : value,
      text: text.trim().slice(0, MAX_DEBRIEF_TEXT),
    });
    if (ok) showToast(t('debrief.matrix.saved'));
  }

  return (
    <fieldset className="matrix-judgement stack">
      <legend>{t('debrief.matrix.judgement')}</legend>
      <div className="segmented" role="radiogroup" aria-labelledby={label}>
        {JUDGEMENTS.map((each) => (
          <label key={each} className="segment">
            <input
              type="radio"
              name={`judgement-${pupilId}-${phaseId}`}
              value={each}
              checked={value === each}
              onChange={() => setValue(each)}
            />
            {t(`debrief.matrix.values.${each}`)}
          </label>
        ))}
      </div>
      <label className="small" htmlFor={`explain-${pupilId}-${phaseId}`}>
        {t('debrief.matrix.explanation')}
      </label>
      <input
        id={`explain-${pupilId}-${phaseId}`}
        type="text"
        value={text}
        maxLength={300}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!changed || value === ''}
          onClick={save}
        >
          {t('debrief.matrix.save')}
        </button>
        {judgement && (
          <button
            type="button"
            onClick={() => {
              setValue('');
              setText('');
              scope.write({
                kind: 'judgement',
                pupilId: pupilId as never,
                phaseId,
                value: null,
                text: '',
              });
            }}
          >
            {t('debrief.matrix.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
