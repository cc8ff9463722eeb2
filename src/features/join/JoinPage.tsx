import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInviteCode, parseInviteInput } from '../../model/inviteCode.ts';
import { JoinCodeForm } from '../teams/JoinCodeForm.tsx';
import { JoinWithCode } from './JoinWithCode.tsx';

// The scanner pulls in a QR decoder; only load it when someone wants to scan.
const QrScanner = lazy(() => import('./QrScanner.tsx'));

function codeFromLocation(): string | null {
  return window.location.hash ? parseInviteInput(window.location.hash) : null;
}

/**
 * `/join#ABCDE-FGHJK`: the invite code travels in the fragment, which browsers
 * never send to the server. We take it into state and clear it from the address
 * bar so it does not linger in history or on a projected screen.
 */
export default function JoinPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(codeFromLocation);
  const [scanning, setScanning] = useState(false);

  useEffect(() => {
    if (window.location.hash) history.replaceState(history.state, '', window.location.pathname);
    const onHash = () => {
      const next = codeFromLocation();
      if (next) setCode(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <section className="stack narrow" aria-labelledby="join-page-title">
      <h1 id="join-page-title">{t('join.title')}</h1>
      {code ? (
        <JoinWithCode code={code} onChangeCode={() => setCode(null)} />
      ) : (
        <>
          <JoinCodeForm />
          {scanning ? (
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <QrScanner
                onCode={(scanned) => {
                  setScanning(false);
                  setCode(scanned);
                }}
                onClose={() => setScanning(false)}
              />
            </Suspense>
          ) : (
            <button type="button" onClick={() => setScanning(true)}>
              {t('join.scan')}
            </button>
          )}
        </>
      )}
      {code && <p className="muted small">{formatInviteCode(code)}</p>}
    </section>
  );
}
