import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { inviteLink, newInviteCode, parseInviteInput } from '../../../src/model/inviteCode.ts';

/** Renders a QR code the way the invite card does, as RGBA pixels a camera frame would give. */
function renderQr(text: string, scale = 6, margin = 4): { data: Uint8ClampedArray; size: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const size = (modules + margin * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - margin;
      const my = Math.floor(y / scale) - margin;
      const dark = mx >= 0 && my >= 0 && mx < modules && my < modules && qr.modules.get(my, mx);
      if (dark) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return { data, size };
}

describe('invite QR codes', () => {
  it('decode back to the invite code through the scanner’s decoder and parser', () => {
    const code = newInviteCode();
    const { data, size } = renderQr(inviteLink('https://leskring.school.example', code));
    const decoded = jsQR(data, size, size);
    expect(decoded?.data).toContain('/join#');
    expect(parseInviteInput(decoded?.data ?? '')).toBe(code);
  });

  it('are not mistaken for an invite when they carry something else', () => {
    const { data, size } = renderQr('https://example.com/menu');
    const decoded = jsQR(data, size, size);
    expect(decoded?.data).toBe('https://example.com/menu');
    expect(parseInviteInput(decoded?.data ?? '')).toBeNull();
  });
});
