import { describe, expect, it } from 'vitest';
import { isAppleTouchDevice } from '../../../src/app/homeScreen.ts';

const IPADOS_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

describe('isAppleTouchDevice', () => {
  it('tells an iPad, which says Mac, from a Mac by its touch points', () => {
    expect(
      isAppleTouchDevice({ platform: 'MacIntel', maxTouchPoints: 5, userAgent: IPADOS_SAFARI }),
    ).toBe(true);
    expect(
      isAppleTouchDevice({ platform: 'MacIntel', maxTouchPoints: 0, userAgent: IPADOS_SAFARI }),
    ).toBe(false);
  });

  it('knows an iPhone by its user agent', () => {
    expect(
      isAppleTouchDevice({ platform: 'iPhone', maxTouchPoints: 5, userAgent: IPHONE_SAFARI }),
    ).toBe(true);
  });

  it('leaves Android and Windows tablets alone', () => {
    expect(
      isAppleTouchDevice({
        platform: 'Linux armv8l',
        maxTouchPoints: 10,
        userAgent:
          'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/130 Safari/537.36',
      }),
    ).toBe(false);
    expect(
      isAppleTouchDevice({
        platform: 'Win32',
        maxTouchPoints: 10,
        userAgent:
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130 Safari/537.36',
      }),
    ).toBe(false);
  });
});
