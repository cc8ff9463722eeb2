import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { MemberId } from '../../model/ids.ts';
import {
  type ImportError,
  MAX_TEMPLATE_FILE_BYTES,
  parseTemplateJson,
} from '../../model/templateJson.ts';
import type { TemplateId } from '../../model/templates.ts';
import { importTemplateCopy } from '../../sync/commands/templates.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { importErrorMessage } from './importErrors.ts';

type Props = {
  memberId: MemberId;
  onImported: (id: TemplateId) => void;
};

const SHOWN_ERRORS = 5;

/** "Import a kijkwijzer": reads a .json file, stores it as a new template or says what is wrong. */
export function ImportButton({ memberId, onImported }: Props) {
  const { t } = useTranslation();
  const team = useSession('team');
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<{
    file: string;
    errors: readonly ImportError[];
    unreadable?: boolean;
  } | null>(null);

  const errorRef = useRef<HTMLDivElement>(null);
  // The list may be scrolled far below the import button: bring the reason into view.
  useEffect(() => {
    if (failure) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFailure(null);
    if (file.size > MAX_TEMPLATE_FILE_BYTES) {
      setFailure({ file: file.name, errors: [{ reason: 'too-large', path: '' }] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFailure({ file: file.name, errors: [], unreadable: true });
      return;
    }
    const parsed = parseTemplateJson(text);
    if (!parsed.ok) {
      setFailure({ file: file.name, errors: parsed.errors });
      return;
    }
    try {
      const created = await importTemplateCopy(team, parsed.template, memberId);
      showToast(t('templatesUi.import.done', { name: created.name }));
      onImported(created.id);
    } catch (error) {
      console.error('templates: import failed', error);
      setFailure({ file: file.name, errors: [], unreadable: true });
    }
  }

  return (
    <div className="template-import stack">
      <div className="row row-baseline">
        <button type="button" onClick={() => inputRef.current?.click()}>
          {t('templatesUi.import.button')}
        </button>
        <span className="muted small" id={`${inputId}-hint`}>
          {t('templatesUi.import.hint')}
        </span>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('templatesUi.import.button')}
          aria-describedby={`${inputId}-hint`}
          data-testid="template-import-input"
          onChange={(event) => void onFile(event)}
        />
      </div>
      {failure && (
        <div
          ref={errorRef}
          className="notice notice-error"
          role="alert"
          data-testid="template-import-error"
        >
          <p>
            <strong>{t('templatesUi.import.failed', { file: failure.file })}</strong>
          </p>
          {failure.unreadable && <p>{t('templatesUi.import.unreadable')}</p>}
          <ul className="import-errors">
            {failure.errors.slice(0, SHOWN_ERRORS).map((error) => (
              <li key={`${error.reason}:${error.path}`}>
                {importErrorMessage(t, error)}
                {error.reason === 'invalid-field' && error.path && (
                  <>
                    {' '}
                    <code className="small">{error.path}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
          {failure.errors.length > SHOWN_ERRORS && (
            <p>{t('templatesUi.import.more', { count: failure.errors.length - SHOWN_ERRORS })}</p>
          )}
        </div>
      )}
    </div>
  );
}
