import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleId } from '../../model/cycleTypes.ts';
import type { TeamId } from '../../model/ids.ts';
import { type PhotoUploadState, usePhotoStatus } from '../../sync/device.ts';
import { fetchPhoto } from '../../sync/photoOutbox.ts';
import './photos.css';

type Props = {
  teamId: TeamId;
  /** The cycle the photo is shown in: its upload state is the one for this cycle. */
  cycleId: CycleId | null;
  hash: string;
  /** What the photo shows, e.g. "Work of Leerling A, instruction": the image's text alternative. */
  alt: string;
  size?: 'small' | 'large';
};

type Loaded =
  | { state: 'loading' }
  | { state: 'shown'; url: string }
  /** Not on this device and could not be downloaded now. */
  | { state: 'missing'; offline: boolean };

/** The upload badge's text and tone, or null for a photo that needs none (downloaded ones). */
export function uploadBadge(
  t: TFunction,
  upload: PhotoUploadState | null | undefined,
): { text: string; tone: 'quiet' | 'ok' | 'warn' | 'error' } | null {
  if (upload?.origin !== 'local') return null;
  switch (upload.status) {
    case 'pending':
      return { text: t('photos.status.pending'), tone: 'warn' };
    case 'uploading':
      return { text: t('photos.status.uploading'), tone: 'quiet' };
    case 'uploaded':
      return { text: t('photos.status.uploaded'), tone: 'ok' };
    case 'failed':
      return {
        text: t('photos.status.failed', {
          reason: t(`errors.api.${upload.error ?? 'internal'}`),
        }),
        tone: 'error',
      };
  }
}

/** Whether the browser believes it is offline; `navigator` is absent outside browsers. */
const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * A photo of pupil work: from this device, else downloaded once (and kept for
 * offline use), with its upload state for photos taken here. Click, Enter or
 * Space opens it large; Escape closes and focus returns to the thumbnail.
 */
export function PhotoThumb({ teamId, cycleId, hash, alt, size = 'small' }: Props) {
  const { t } = useTranslation();
  const upload = usePhotoStatus(teamId, hash, cycleId);
  const onDevice = upload !== null && upload !== undefined;
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  // A photo that could not be had is tried again when the connection returns.
  useEffect(() => {
    if (loaded.state !== 'missing') return;
    const retry = () => setAttempt((n) => n + 1);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [loaded.state]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` and `onDevice` only re-run the load (retry, or the photo arrived on this device meanwhile).
  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    setLoaded({ state: 'loading' });
    fetchPhoto(teamId, hash, cycleId).then(
      (blob) => {
        if (cancelled) return;
        if (!blob) {
          setLoaded({ state: 'missing', offline: isOffline() });
          return;
        }
        url = URL.createObjectURL(blob);
        setLoaded({ state: 'shown', url });
      },
      () => {
        if (!cancelled) setLoaded({ state: 'missing', offline: isOffline() });
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [teamId, hash, cycleId, attempt, onDevice]);

  const badge = uploadBadge(t, upload);
  const placeholderText =
    loaded.state === 'loading'
      ? t('photos.thumb.loading')
      : loaded.state === 'missing' && loaded.offline
        ? t('photos.thumb.notDownloaded')
        : t('photos.thumb.unavailable');
  const open = () => dialogRef.current?.showModal();
  const close = () => dialogRef.current?.close();

  return (
    <figure className={`photo-thumb photo-thumb-${size}`} data-testid="photo-thumb">
      {loaded.state === 'shown' ? (
        <button
          ref={buttonRef}
          type="button"
          className="photo-thumb-button"
          onClick={open}
          aria-label={t('photos.thumb.open', { alt })}
        >
          <img src={loaded.url} alt={alt} className="photo-thumb-image" draggable={false} />
        </button>
      ) : (
        <div
          className="photo-thumb-placeholder"
          role="img"
          aria-label={`${alt}: ${placeholderText}`}
        >
          <span aria-hidden="true">{placeholderText}</span>
        </div>
      )}
      {badge && (
        <span className={`photo-badge photo-badge-${badge.tone}`} data-testid="photo-status">
          {badge.text}
        </span>
      )}
      {loaded.state === 'shown' && (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard closes a modal dialog with Escape (native); the click is the backdrop tap.
        <dialog
          ref={dialogRef}
          className="photo-dialog"
          aria-label={alt}
          // showModal focuses the close button; the browser restores focus in most cases, this covers the rest.
          onClose={() => buttonRef.current?.focus()}
          // A tap on the dimmed backdrop (the dialog element itself) closes it too.
          onClick={(event) => {
            if (event.target === event.currentTarget) close();
          }}
        >
          <img src={loaded.url} alt={alt} className="photo-dialog-image" />
          <div className="row row-end">
            <button type="button" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        </dialog>
      )}
    </figure>
  );
}
