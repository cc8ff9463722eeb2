import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** Renders a QR code on the device (no network): lazy-loaded with the qrcode library. */
export default function InviteQr({ text, alt }: { text: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(text, { margin: 2, width: 240, errorCorrectionLevel: 'M' }).then(
      (url) => {
        if (!cancelled) setSrc(url);
      },
      () => setSrc(null),
    );
    return () => {
      cancelled = true;
    };
  }, [text]);
  return src ? (
    <img className="qr" src={src} alt={alt} width={240} height={240} />
  ) : (
    <div className="qr-placeholder" />
  );
}
