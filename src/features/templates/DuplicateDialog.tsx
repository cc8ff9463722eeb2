import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../app/ui/TextField.tsx';
import { MAX_TEMPLATE_NAME, type TemplateSummary } from '../../model/templates.ts';

type Props = {
  /** The template to copy; null = closed. */
  source: TemplateSummary | null;
  onConfirm: (name: string) => void;
  onCancel: () => void;
};

/** Asks the name of the copy before duplicating a kijkwijzer. */
export function DuplicateDialog({ source, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (source) {
      setName(
        t('templatesUi.duplicate.defaultName', { name: source.name }).slice(0, MAX_TEMPLATE_NAME),
      );
      setTouched(false);
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) dialog.close();
  }, [source, t]);

  const trimmed = name.trim();
  const error =
    trimmed.length === 0
      ? t('common.required')
      : trimmed.length > MAX_TEMPLATE_NAME
        ? t('common.tooLong', { max: MAX_TEMPLATE_NAME })
        : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (error === null) onConfirm(trimmed);
  }

  return (
    <dialog ref={ref} className="dialog" onCancel={onCancel} aria-labelledby="duplicate-title">
      <form className="form" onSubmit={submit}>
        <h2 id="duplicate-title">{t('templatesUi.duplicate.title')}</h2>
        <TextField
          label={t('templatesUi.duplicate.name')}
          name="name"
          value={name}
          onChange={setName}
          error={touched ? error : null}
        />
        <div className="row row-end">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('templatesUi.duplicate.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
