import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { CycleId } from '../../model/cycleTypes.ts';
import type { TeamId } from '../../model/ids.ts';
import { PhotoError } from '../../sync/device.ts';
import { queuePhoto } from '../../sync/photoOutbox.ts';
import { compressPhoto } from './compress.ts';
import './photos.css';

type Props = {
  teamId: TeamId;
  cycleId: CycleId;
  /** Called once the photo is committed to this device's database (not yet uploaded). */
  onCaptured: (hash: string) => void;
  disabled?: boolean;
  className?: string;
  /** Button text; "Take photo" by default. */
  label?: string;
};

/** The storage error of a full device, as Dexie or the browser name it. */
function isQuotaError(error: unknown): boolean {
  const named = (value: unknown) =>
    value instanceof Error || value instanceof DOMException
      ? value.name === 'QuotaExceededError'
      : false;
  return named(error) || named((error as { inner?: unknown } | null)?.inner);
}

/** Which translated message explains a failed capture. */
export function captureErrorKey(
  error: unknown,
): 'photos.capture.notAnImage' | 'photos.capture.noSpace' | 'photos.capture.failed' {
  if (error instanceof PhotoError && error.code === 'not_an_image') {
    return 'photos.capture.notAnImage';
  }
  if (isQuotaError(error)) return 'photos.capture.noSpace';
  return 'photos.capture.failed';
}

/**
 * "Take photo": opens the tablet's rear camera (or a file chooser on a
 * laptop), shrinks the photo on the device and keeps it for upload. Works
 * offline: the photo is in IndexedDB when `onCaptured` runs, and the outbox
 * uploads it whenever the server can be reached.
 */
export function PhotoCapture({ teamId, cycleId, onCaptured, disabled, className, label }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const [busy, setBusy] = useState(false);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared at once so that choosing the same file again still fires a change.
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const photo = await compressPhoto(file);
      const record = await queuePhoto(teamId, cycleId, photo);
      onCaptured(record.hash);
    } catch (error) {
      if (!(error instanceof PhotoError)) console.error('photos: keeping a photo failed', error);
      showToast(t(captureErrorKey(error)));
    } finally {
      setBusy(false);
    }
  }

  const text = label ?? t('photos.capture.button');
  return (
    <>
      <button
        type="button"
        className={['photo-capture', className].filter(Boolean).join(' ')}
        onClick={() => inputRef.current?.click()}
        disabled={disabled || busy}
        aria-busy={busy}
        aria-describedby={busy ? statusId : undefined}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          width="24"
          height="24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        >
          <path d="M4 7h3l2-3h6l2 3h3v13H4z" />
          <circle cx="12" cy="13" r="4" />
        </svg>
        <span>{busy ? t('photos.capture.busy') : text}</span>
      </button>
      <span id={statusId} className="visually-hidden" role="status">
        {busy ? t('photos.capture.busy') : ''}
      </span>
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        capture="environment"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => void onFile(event)}
      />
    </>
  );
}
