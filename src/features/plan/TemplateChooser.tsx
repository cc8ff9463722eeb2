import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { ResearchLessonId } from '../../model/cycleTypes.ts';
import { applyTemplate, LESSON_TEMPLATES } from '../../model/lessonTemplates.ts';
import { addPhase } from '../../model/phases.ts';
import { useSession } from '../../sync/SessionContext.tsx';

type Props = { rlId: ResearchLessonId };

/** The empty state of a lesson plan: start from the EDI phases or from one blank phase. */
export function TemplateChooser({ rlId }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');

  function startEdi() {
    const titles: Record<string, string> = {};
    for (const step of LESSON_TEMPLATES.edi)
      titles[step.key] = t(`plan.phases.templates.${step.key}`);
    try {
      void session.change((doc, ctx) => applyTemplate(doc, rlId, 'edi', titles, ctx));
    } catch {
      showToast(t('plan.phases.tooMany'));
    }
  }

  return (
    <div className="empty-state stack">
      <p>{t('plan.phases.empty')}</p>
      <p>
        <strong>{t('plan.phases.startWith')}</strong>
      </p>
      <div className="template-choices">
        <button type="button" className="template-choice primary" onClick={startEdi}>
          <span className="template-choice-title">{t('plan.phases.templateEdi')}</span>
          <span className="template-choice-hint">{t('plan.phases.templateEdiHint')}</span>
        </button>
        <button
          type="button"
          className="template-choice"
          onClick={() => void session.change((doc, ctx) => addPhase(doc, rlId, {}, ctx))}
        >
          <span className="template-choice-title">{t('plan.phases.templateBlank')}</span>
          <span className="template-choice-hint">{t('plan.phases.templateBlankHint')}</span>
        </button>
      </div>
    </div>
  );
}
