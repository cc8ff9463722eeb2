import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { addCasePupil, moveCasePupil, removeCasePupil } from '../../model/casePupils.ts';
import { type CasePupil, MAX_CASE_PUPILS } from '../../model/cycleTypes.ts';
import { parseDocName } from '../../model/docName.ts';
import { deletePupilName, usePupilNames } from '../../sync/device.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import type { CycleViewProps } from '../cycle/cycleViewProps.ts';
import { CasePupilCard } from './CasePupilCard.tsx';
import { focusSoon } from './focusSoon.ts';
import { nextPseudonymLetter } from './format.ts';
import { PredictionGrid } from './PredictionGrid.tsx';
import { useAnnouncer } from './useAnnouncer.ts';
import './plan.css';

/** Case pupils (pseudonym, profile, a real name on this device only) and the prediction grid. */
export function PupilsTab({ cycle, rlId, readOnly }: CycleViewProps) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const toggleId = useId();
  const cycleId = parseDocName(session.name)?.docId ?? session.name;
  const realNames = usePupilNames(cycleId);
  const [showRealNames, setShowRealNames] = useState(false);
  const [toRemove, setToRemove] = useState<CasePupil | null>(null);
  const [message, announce] = useAnnouncer();
  const pupils = cycle.casePupils;
  const rl = cycle.researchLessons.find((lesson) => lesson.id === rlId) ?? null;
  const full = pupils.length >= MAX_CASE_PUPILS;

  function add() {
    const make = (letter: string) => t('plan.pupils.defaultPseudonym', { letter });
    const letter = nextPseudonymLetter(
      pupils.map((pupil) => pupil.pseudonym),
      make,
    );
    try {
      void session.change((doc, ctx) => {
        const id = addCasePupil(doc, { pseudonym: make(letter) }, ctx);
        focusSoon(`[data-pupil-id="${id}"] .pupil-pseudonym textarea`);
      });
    } catch {
      showToast(t('plan.pupils.max'));
    }
  }

  function move(pupil: CasePupil, toIndex: number) {
    if (toIndex < 0 || toIndex >= pupils.length) return;
    void session.change((doc, ctx) => moveCasePupil(doc, pupil.id, toIndex, ctx));
    announce(
      t('plan.pupils.moved', {
        name: pupil.pseudonym,
        position: toIndex + 1,
        total: pupils.length,
      }),
    );
  }

  function confirmRemove() {
    const pupil = toRemove;
    setToRemove(null);
    if (!pupil) return;
    const removed = session.change((doc, ctx) => removeCasePupil(doc, pupil.id, ctx));
    // The real name on this device goes with the pupil: nothing to keep it for.
    void deletePupilName(cycleId, pupil.id);
    void removed.then(() => showToast(t('plan.pupils.removed', { name: pupil.pseudonym })));
  }

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="pupils-heading">
        <h2 id="pupils-heading">{t('plan.pupils.heading')}</h2>
        <p className="muted small">{t('plan.pupils.intro')}</p>
        {readOnly && <p className="notice">{t('plan.readOnly')}</p>}
        <div className="privacy-box">
          <label className="checkbox" htmlFor={toggleId}>
            <input
              id={toggleId}
              type="checkbox"
              checked={showRealNames}
              onChange={(event) => setShowRealNames(event.target.checked)}
            />
            {t('plan.pupils.realName.show')}
          </label>
          <p className="small">{t('plan.pupils.realName.hiddenNotice')}</p>
        </div>
        {pupils.length === 0 ? (
          <p className="empty-state">{t('plan.pupils.empty')}</p>
        ) : (
          <ol className="pupil-list">
            {pupils.map((pupil, index) => (
              <CasePupilCard
                key={pupil.id}
                cycleId={cycleId}
                pupil={pupil}
                index={index}
                count={pupils.length}
                readOnly={readOnly}
                realName={realNames?.get(pupil.id) ?? ''}
                showRealNames={showRealNames}
                onMove={move}
                onRemove={setToRemove}
              />
            ))}
          </ol>
        )}
        {!readOnly && (
          <div className="row">
            <button type="button" className="primary" onClick={add} disabled={full}>
              + {t('plan.pupils.add')}
            </button>
            {full && <span className="muted small">{t('plan.pupils.max')}</span>}
          </div>
        )}
      </section>
      {rl && (
        <PredictionGrid
          rl={rl}
          pupils={pupils}
          readOnly={readOnly}
          realNames={showRealNames ? (realNames ?? null) : null}
        />
      )}
      <p className="visually-hidden" aria-live="polite">
        {message}
      </p>
      <ConfirmDialog
        open={toRemove !== null}
        message={t('plan.pupils.removeConfirm', { name: toRemove?.pseudonym ?? '' })}
        confirmLabel={t('plan.phases.removeShort')}
        onConfirm={confirmRemove}
        onCancel={() => setToRemove(null)}
      />
    </div>
  );
}
