import { useTranslation } from 'react-i18next';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import type { Phase, ResearchLessonId } from '../../model/cycleTypes.ts';
import { addResponse, removeResponse, responseText } from '../../model/phases.ts';
import { useSession } from '../../sync/SessionContext.tsx';

type Props = {
  rlId: ResearchLessonId;
  phase: Phase;
  number: number;
  readOnly: boolean;
};

/** Anticipated pupil responses of a phase, each with the teacher's planned answer. */
export function ResponsesEditor({ rlId, phase, number, readOnly }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  return (
    <div className="responses">
      {phase.responses.length === 0 && readOnly && (
        <p className="muted small">{t('plan.phases.responses.none')}</p>
      )}
      {phase.responses.length > 0 && (
        <ol className="response-list">
          {phase.responses.map((response, index) => (
            <li key={response.id} className="response">
              <span className="response-head">
                <span className="response-part-label" aria-hidden="true">
                  {t('plan.phases.responses.response')}
                </span>
                {!readOnly && (
                  <button
                    type="button"
                    className="icon-button small-button"
                    aria-label={t('plan.phases.responses.remove', { number: index + 1 })}
                    title={t('plan.phases.responses.remove', { number: index + 1 })}
                    onClick={() =>
                      void session.change((doc, ctx) =>
                        removeResponse(doc, rlId, phase.id, response.id, ctx),
                      )
                    }
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </span>
              <YTextArea
                ytext={responseText(session.doc, rlId, phase.id, response.id, 'response')}
                origin={session.origin}
                docName={session.name}
                path={`plan:${rlId}:${phase.id}:response:${response.id}`}
                label={t('plan.phases.responses.responseLabel', {
                  number: index + 1,
                  phase: number,
                })}
                readOnly={readOnly}
                rows={1}
              />
              <span className="response-part-label" aria-hidden="true">
                → {t('plan.phases.responses.answer')}
              </span>
              <YTextArea
                ytext={responseText(session.doc, rlId, phase.id, response.id, 'answer')}
                origin={session.origin}
                docName={session.name}
                path={`plan:${rlId}:${phase.id}:answer:${response.id}`}
                label={t('plan.phases.responses.answerLabel', {
                  number: index + 1,
                  phase: number,
                })}
                readOnly={readOnly}
                rows={1}
              />
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <button
          type="button"
          className="link-button"
          onClick={() => void session.change((doc, ctx) => addResponse(doc, rlId, phase.id, ctx))}
        >
          + {t('plan.phases.responses.add')}
        </button>
      )}
    </div>
  );
}
