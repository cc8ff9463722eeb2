import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HomeScreenGuide } from '../../app/HomeScreenGuide.tsx';
import {
  BUILT_IN_TEMPLATE_KEYS,
  type BuiltInTemplateKey,
  type BuiltInTexts,
  instantiateBuiltIn,
} from '../../model/builtInTemplates.ts';
import type { Phase } from '../../model/cycleTypes.ts';
import {
  readTemplate,
  readTemplates,
  type Template,
  type TemplateId,
} from '../../model/templates.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useOptionalSession, useSession } from '../../sync/SessionContext.tsx';
import { builtInTexts } from '../templates/builtInTexts.ts';

type Choice =
  | { kind: 'team'; id: TemplateId }
  | { kind: 'builtIn'; key: BuiltInTemplateKey }
  | { kind: 'none' };

type Props = {
  /** The kijkwijzer the run already has (a colleague started first), or null. */
  runTemplate: Template | null;
  phases: readonly Phase[];
  followsText: string;
  notPlanned: boolean;
  onStart: (template: Template | null) => void;
};

/** Before the lesson: which kijkwijzer, whom you follow, and one big start button. */
export function StartPanel({ runTemplate, phases, followsText, notPlanned, onStart }: Props) {
  const { t, i18n } = useTranslation();
  const { ctx } = useSession('cycle');
  const teamDoc = useOptionalSession('team')?.doc ?? null;
  const groupId = useId();
  const library = useYSnapshot(teamDoc, readTemplates) ?? [];
  const [texts, setTexts] = useState<BuiltInTexts | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);

  useEffect(() => {
    let live = true;
    void builtInTexts(i18n.language).then((loaded) => live && setTexts(loaded));
    return () => {
      live = false;
    };
  }, [i18n.language]);

  const chosen: Choice =
    choice ??
    (library[0] ? { kind: 'team', id: library[0].id } : { kind: 'builtIn', key: 'casePupil' });

  function start() {
    if (runTemplate) return onStart(runTemplate);
    if (chosen.kind === 'none') return onStart(null);
    if (chosen.kind === 'team') return onStart(teamDoc ? readTemplate(teamDoc, chosen.id) : null);
    if (texts) onStart(instantiateBuiltIn(chosen.key, texts, ctx));
  }

  const isChosen = (c: Choice) =>
    c.kind === chosen.kind &&
    (c.kind !== 'team' || (chosen.kind === 'team' && c.id === chosen.id)) &&
    (c.kind !== 'builtIn' || (chosen.kind === 'builtIn' && c.key === chosen.key));

  const option = (c: Choice, label: string, key: string) => (
    <label key={key} className="observe-choice">
      <input type="radio" name={groupId} checked={isChosen(c)} onChange={() => setChoice(c)} />
      {label}
    </label>
  );

  return (
    <section className="observe-start stack" aria-labelledby="observe-start-heading">
      <h2 id="observe-start-heading">{t('observe.start.heading')}</h2>
      <p>{t('observe.start.offline')}</p>
      <HomeScreenGuide />
      <p>{followsText}</p>
      {notPlanned && <p className="notice">{t('observe.start.notPlanned')}</p>}
      {phases.length === 0 && <p className="notice">{t('observe.start.noPhases')}</p>}
      {runTemplate ? (
        <p className="observe-run-template">
          {t('observe.start.runTemplate', { name: runTemplate.name, version: runTemplate.version })}
        </p>
      ) : (
        <fieldset className="stack observe-templates">
          <legend>{t('observe.start.chooseTemplate')}</legend>
          {library.length > 0 && (
            <div className="stack">
              <h3 className="small">{t('observe.start.teamTemplates')}</h3>
              {library.map((summary) =>
                option(
                  { kind: 'team', id: summary.id },
                  `${summary.name} (v${summary.version})`,
                  summary.id,
                ),
              )}
            </div>
          )}
          <div className="stack">
            <h3 className="small">{t('observe.start.builtIns')}</h3>
            {texts === null ? (
              <p className="muted">{t('observe.start.loadingTemplates')}</p>
            ) : (
              BUILT_IN_TEMPLATE_KEYS.map((key) =>
                option({ kind: 'builtIn', key }, texts[key].name, key),
              )
            )}
          </div>
          {option({ kind: 'none' }, t('observe.start.noTemplate'), 'none')}
        </fieldset>
      )}
      <button
        type="button"
        className="observe-tap primary observe-start-button"
        disabled={!runTemplate && chosen.kind === 'builtIn' && texts === null}
        onClick={start}
      >
        {t('observe.start.button')}
      </button>
    </section>
  );
}
