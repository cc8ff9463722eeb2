import { useTranslation } from 'react-i18next';
import type { CycleMeta } from '../../model/cycleTypes.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { DraftInput } from './DraftInput.tsx';
import { parseMinutes, tryUpdateMeta } from './metaWrites.ts';

type Props = {
  readonly meta: CycleMeta;
  readonly readOnly: boolean;
  /** Which fields to show; the guided start's last step leaves out the lesson length. */
  readonly fields?: readonly ('subject' | 'yearGroup' | 'lessonMinutes')[];
};

const ALL = ['subject', 'yearGroup', 'lessonMinutes'] as const;

/** Subject, year group and lesson length of the cycle, written to the shared document as you type. */
export function CycleMetaFields({ meta, readOnly, fields = ALL }: Props) {
  const { t } = useTranslation();
  const cycle = useSession('cycle');
  return (
    <div className="cycle-meta-fields">
      {fields.includes('subject') && (
        <DraftInput
          label={t('cycle.page.subject')}
          value={meta.subject}
          readOnly={readOnly}
          invalidMessage={t('common.tooLong', { max: 120 })}
          inputProps={{ maxLength: 120 }}
          commit={(subject) => tryUpdateMeta(cycle, { subject })}
        />
      )}
      {fields.includes('yearGroup') && (
        <DraftInput
          label={t('cycle.page.yearGroup')}
          value={meta.yearGroup}
          readOnly={readOnly}
          invalidMessage={t('common.tooLong', { max: 120 })}
          inputProps={{ maxLength: 120 }}
          commit={(yearGroup) => tryUpdateMeta(cycle, { yearGroup })}
        />
      )}
      {fields.includes('lessonMinutes') && (
        <DraftInput
          className="field-minutes"
          label={t('cycle.page.lessonMinutes')}
          value={String(meta.lessonMinutes)}
          readOnly={readOnly}
          invalidMessage={t('cycle.page.invalidMinutes')}
          commitOn="blur"
          inputProps={{ inputMode: 'numeric', type: 'number', min: 5, max: 480, step: 5 }}
          commit={(text) => tryUpdateMeta(cycle, { lessonMinutes: parseMinutes(text) })}
        />
      )}
    </div>
  );
}

/** The editable title of the cycle (a heading-sized field), or a heading when read-only. */
export function CycleTitle({ meta, readOnly }: Omit<Props, 'fields'>) {
  const { t } = useTranslation();
  const cycle = useSession('cycle');
  if (readOnly) return <h1 className="cycle-title">{meta.title || t('cycle.untitled')}</h1>;
  return (
    <>
      <h1 className="visually-hidden">{meta.title || t('cycle.untitled')}</h1>
      <DraftInput
        className="cycle-title-field"
        label={t('cycle.page.titleLabel')}
        hideLabel
        value={meta.title}
        readOnly={readOnly}
        invalidMessage={t('cycle.page.invalidTitle')}
        inputProps={{ maxLength: 120 }}
        commit={(title) => tryUpdateMeta(cycle, { title })}
      />
    </>
  );
}
