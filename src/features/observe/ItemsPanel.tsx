import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseId } from '../../model/cycleTypes.ts';
import type { FoldedObservation } from '../../model/eventLog.ts';
import type { Template } from '../../model/templates.ts';
import { ItemControl, type NoteTarget } from './ItemControl.tsx';
import { samePropsExcept } from './sameProps.ts';
import type { Recorder } from './useRecorder.ts';

type Props = {
  template: Template;
  folded: FoldedObservation;
  /** Changes whenever a class or teacher record changes (see PupilTile): re-render only then. */
  version: string;
  phaseId: PhaseId | null;
  clockMs: number;
  record: Recorder['record'];
  onNote: (target: NoteTarget, opener: HTMLElement) => void;
  disabled: boolean;
};

/** The kijkwijzer's class and teacher items, section by section, with a jump list for long ones. */
export const ItemsPanel = memo(ItemsPanelView, samePropsExcept<Props>('folded'));

function ItemsPanelView({ template, version: _version, ...rest }: Props) {
  const { t } = useTranslation();
  const sections = template.sections
    .map((section) => ({ ...section, items: section.items.filter((i) => i.scope !== 'casePupil') }))
    .filter((section) => section.items.length > 0);
  if (sections.length === 0) return null;
  const anchor = (id: string) => `observe-section-${id}`;
  return (
    <section className="observe-items" aria-labelledby="observe-items-heading">
      <h2 id="observe-items-heading">{t('observe.items.heading', { name: template.name })}</h2>
      {sections.length > 1 && (
        <nav aria-label={t('observe.items.sections')} className="observe-section-nav">
          {sections.map((section) => (
            <a key={section.id} href={`#${anchor(section.id)}`} className="chip">
              {section.title}
            </a>
          ))}
        </nav>
      )}
      {sections.map((section) => (
        <section
          key={section.id}
          id={anchor(section.id)}
          className="observe-section"
          aria-label={section.title}
        >
          <h3>{section.title}</h3>
          {(['class', 'teacher'] as const).map((scope) => {
            const items = section.items.filter((item) => item.scope === scope);
            if (items.length === 0) return null;
            return (
              <div key={scope} className="observe-scope">
                <h4 className="small muted">{t(`observe.items.${scope}`)}</h4>
                <div className="observe-item-grid">
                  {items.map((item) => (
                    <ItemControl
                      key={item.id}
                      item={item}
                      effective={rest.folded.effective}
                      {...rest}
                    />
                  ))}
                </div>
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}
