import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/store/db.ts';
import {
  getLanguage,
  getSetting,
  LANGUAGE_STORAGE_KEY,
  readLanguageSync,
  setLanguage,
  setSetting,
} from '../../../src/store/settings.ts';

function fakeLocalStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => {
      map.delete(key);
    },
    setItem: (key, value) => {
      map.set(key, String(value));
    },
  };
}

describe('settings', () => {
  beforeEach(async () => {
    await db.settings.clear();
    vi.stubGlobal('localStorage', fakeLocalStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('defaults the language to Dutch', async () => {
    expect(await getLanguage()).toBe('nl');
    expect(readLanguageSync()).toBe('nl');
  });

  it('stores the language in Dexie and mirrors it to localStorage', async () => {
    await setLanguage('en');
    expect(await getLanguage()).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readLanguageSync()).toBe('en');
  });

  it('ignores an unknown language in localStorage', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readLanguageSync()).toBe('nl');
  });

  it('reads Dutch synchronously when localStorage is missing', async () => {
    vi.stubGlobal('localStorage', undefined);
    expect(readLanguageSync()).toBe('nl');
    await setLanguage('en');
    expect(await getLanguage()).toBe('en');
  });

  it('round-trips arbitrary settings', async () => {
    expect(await getSetting('missing')).toBeUndefined();
    await setSetting('onboarding', { done: true, step: 3 });
    expect(await getSetting<{ done: boolean; step: number }>('onboarding')).toEqual({
      done: true,
      step: 3,
    });
  });
});
