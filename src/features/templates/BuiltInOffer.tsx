import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import {
  BUILT_IN_TEMPLATE_KEYS,
  type BuiltInTemplateKey,
  type BuiltInTexts,
} from '../../model/builtInTemplates.ts';
import type { MemberId } from '../../model/ids.ts';
import type { TemplateId } from '../../model/templates.ts';
import { addBuiltInTemplate } from '../../sync/commands/templates.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { builtInTexts } from './builtInTexts.ts';

type Props = {
  memberId: MemberId;
  /** Built-in keys the team already has (active or archived). */
  present: ReadonlySet<string>;
  editable: boolean;
  onAdded: (id: TemplateId) => void;
};

/** The five built-in kijkwijzers in the UI language, each addable to the team. */
export function BuiltInOffer({ memberId, present, editable, onAdded }: Props) {
  const { t, i18n } = useTranslation();
  const team = useSession('team');
  const language = i18n.language;
  const [texts, setTexts] = useState<{ language: string; texts: BuiltInTexts } | null>(null);

  useEffect(() => {
    let live = true;
    void builtInTexts(language).then((loaded) => {
      if (live) setTexts({ language, texts: loaded });
    });
    return () => {
      live = false;
    };
  }, [language]);

  async function add(key: BuiltInTemplateKey, words: BuiltInTexts) {
    try {
      const created = await addBuiltInTemplate(team, key, words, memberId);
      showToast(t('templatesUi.builtIns.added', { name: created.name }));
      onAdded(created.id);
    } catch (error) {
      console.error('templates: could not add a built-in', error);
      showToast(t('templatesUi.builtIns.failed'));
    }
  }

  if (texts === null) return <p className="muted">{t('app.loading')}</p>;
  const words = texts.texts;
  return (
    <ul className="builtin-list">
      {BUILT_IN_TEMPLATE_KEYS.map((key) => (
        <li key={key} className="builtin" data-builtin={key}>
          <div>
            <strong>{words[key].name}</strong>
            <p className="muted small">{words[key].description}</p>
          </div>
          {present.has(key) ? (
            <span className="badge">{t('templatesUi.builtIns.inTeam')}</span>
          ) : (
            editable && (
              <button type="button" onClick={() => void add(key, words)}>
                {t('templatesUi.builtIns.add')}
              </button>
            )
          )}
        </li>
      ))}
    </ul>
  );
}
