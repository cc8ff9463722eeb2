import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ITEM_KINDS,
  ITEM_SCOPES,
  type ItemInput,
  type ItemKind,
  type ItemScope,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  type RatingLevel,
  type TemplateItem,
} from '../../model/templates.ts';

type Props = {
  item: TemplateItem;
  /** Field path of this item, e.g. `sections.0.items.2`, to mark fields with an issue. */
  path: string;
  invalid: (path: string) => boolean;
  first: boolean;
  last: boolean;
  onChange: (patch: Partial<ItemInput>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

const isKind = (value: string): value is ItemKind =>
  (ITEM_KINDS as readonly string[]).includes(value);
const isScope = (value: string): value is ItemScope =>
  (ITEM_SCOPES as readonly string[]).includes(value);

/** One item of a draft: question, kind, scope and the fields its kind needs. */
export function ItemEditor({
  item,
  path,
  invalid,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const id = useId();

  function setLevel(index: number, patch: Partial<RatingLevel>) {
    onChange({ levels: (item.levels ?? []).map((l, i) => (i === index ? { ...l, ...patch } : l)) });
  }

  return (
    <li className="item-editor">
      <div className="item-editor-main">
        <div className="field item-editor-label">
          <label htmlFor={`${id}-label`}>{t('templatesUi.editor.label')}</label>
          <input
            id={`${id}-label`}
            value={item.label}
            aria-invalid={invalid(`${path}.label`)}
            onChange={(event) => onChange({ label: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('templatesUi.editor.kind')}</label>
          <select
            id={`${id}-kind`}
            value={item.kind}
            onChange={(event) => {
              if (isKind(event.target.value)) onChange({ kind: event.target.value });
            }}
          >
            {ITEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`templatesUi.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('templatesUi.editor.scope')}</label>
          <select
            id={`${id}-scope`}
            value={item.scope}
            onChange={(event) => {
              if (isScope(event.target.value)) onChange({ scope: event.target.value });
            }}
          >
            {ITEM_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {t(`templatesUi.scopes.${scope}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="row item-editor-buttons">
          <button
            type="button"
            className="icon-button"
            disabled={first}
            aria-label={t('templatesUi.editor.moveUp')}
            title={t('templatesUi.editor.moveUp')}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={last}
            aria-label={t('templatesUi.editor.moveDown')}
            title={t('templatesUi.editor.moveDown')}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('templatesUi.editor.removeItem')}
            title={t('templatesUi.editor.removeItem')}
            onClick={onRemove}
          >
            ×
          </button>
        </div>
      </div>
      <div className="field item-editor-label">
        <label htmlFor={`${id}-description`}>{t('templatesUi.editor.itemDescription')}</label>
        <textarea
          id={`${id}-description`}
          rows={1}
          value={item.description ?? ''}
          aria-invalid={invalid(`${path}.description`)}
          onChange={(event) =>
            onChange({ description: event.target.value === '' ? undefined : event.target.value })
          }
        />
      </div>
      {item.kind === 'tally' && (
        <div className="field item-editor-label">
          <label htmlFor={`${id}-teams`}>{t('templatesUi.editor.teams')}</label>
          <textarea
            id={`${id}-teams`}
            rows={3}
            value={(item.teams ?? []).join('\n')}
            aria-invalid={invalid(`${path}.teams`)}
            aria-describedby={`${id}-teams-hint`}
            onChange={(event) =>
              onChange({
                teams: event.target.value === '' ? undefined : event.target.value.split('\n'),
              })
            }
            onBlur={() => {
              const names = (item.teams ?? []).map((name) => name.trim()).filter(Boolean);
              onChange({ teams: names.length > 0 ? names : undefined });
            }}
          />
          <p id={`${id}-teams-hint`} className="muted small">
            {t('templatesUi.editor.teamsHint')}
          </p>
        </div>
      )}
      {item.kind === 'rating' && (
        <div className="level-editors">
          {(item.levels ?? []).map((level, index) => (
            <fieldset
              key={level.value}
              className="level-editor"
              aria-invalid={invalid(`${path}.levels.${index}`)}
            >
              <legend>{t('templatesUi.editor.level', { n: level.value })}</legend>
              <input
                aria-label={`${t('templatesUi.editor.level', { n: level.value })}: ${t('templatesUi.editor.levelLabel')}`}
                placeholder={t('templatesUi.editor.levelLabel')}
                value={level.label}
                onChange={(event) => setLevel(index, { label: event.target.value })}
              />
              <textarea
                aria-label={`${t('templatesUi.editor.level', { n: level.value })}: ${t('templatesUi.editor.levelDescriptor')}`}
                placeholder={t('templatesUi.editor.levelDescriptor')}
                rows={2}
                value={level.descriptor}
                onChange={(event) => setLevel(index, { descriptor: event.target.value })}
              />
            </fieldset>
          ))}
        </div>
      )}
      {item.kind === 'interval' && (
        <div className="row item-editor-interval">
          <div className="field">
            <label htmlFor={`${id}-minutes`}>{t('templatesUi.editor.minutes')}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              inputMode="numeric"
              min={MIN_INTERVAL_MINUTES}
              max={MAX_INTERVAL_MINUTES}
              step={1}
              value={Number.isFinite(item.intervalMinutes) ? item.intervalMinutes : ''}
              aria-invalid={invalid(`${path}.intervalMinutes`)}
              onChange={(event) => onChange({ intervalMinutes: event.target.valueAsNumber })}
            />
          </div>
          <div className="field item-editor-label">
            <label htmlFor={`${id}-prompt`}>{t('templatesUi.editor.prompt')}</label>
            <input
              id={`${id}-prompt`}
              value={item.prompt ?? ''}
              aria-invalid={invalid(`${path}.prompt`)}
              onChange={(event) => onChange({ prompt: event.target.value })}
            />
          </div>
        </div>
      )}
    </li>
  );
}
