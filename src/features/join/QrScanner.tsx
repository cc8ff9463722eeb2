import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseInviteInput } from '../../model/inviteCode.ts';

type Props = { onCode: (code: string) => void; onClose: () => void };

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

/** Uses the platform's BarcodeDetector where there is one, and jsQR on canvas frames elsewhere (Safari, Firefox). */
function makeDecoder(): (video: HTMLVideoElement) => Promise<string | null> {
  const Native = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  if (Native) {
    const detector = new Native({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data ?? null;
  };
}

/** The app's own invite scanner: camera in, invite code out. */
export default function QrScanner({ onCode, onClose }: Props) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notInvite, setNotInvite] = useState(false);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const decode = makeDecoder();

    async function scanLoop() {
      const video = videoRef.current;
      if (stopped || !video) return;
      try {
        const text = await decode(video);
        if (text) {
          const code = parseInviteInput(text);
          if (code) {
            onCode(code);
            return;
          }
          setNotInvite(true);
        }
      } catch {
        // A frame that cannot be decoded is not a problem; try the next one.
      }
      timer = setTimeout(() => void scanLoop(), 200);
    }

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem(t('scanner.noCamera'));
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        if (stopped) return;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = stream;
        await video.play();
        void scanLoop();
      } catch (caught) {
        const denied = caught instanceof DOMException && caught.name === 'NotAllowedError';
        setProblem(denied ? t('scanner.denied') : t('scanner.noCamera'));
      }
    }

    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode, t]);

  return (
    <section className="scanner card" aria-labelledby="scanner-title">
      <h2 id="scanner-title">{t('scanner.title')}</h2>
      {problem ? (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      ) : (
        <>
          <p className="muted">{t('scanner.instructions')}</p>
          <video ref={videoRef} className="scanner-video" playsInline muted />
          {notInvite && <p className="field-error">{t('scanner.notAnInvite')}</p>}
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('scanner.stop')}
      </button>
    </section>
  );
}
