import { describe, expect, it } from 'vitest';
import { coachingEn } from '../../../src/i18n/coaching.en.ts';
import { coachingNl } from '../../../src/i18n/coaching.nl.ts';
import { debriefEn } from '../../../src/i18n/debrief.en.ts';
import { debriefNl } from '../../../src/i18n/debrief.nl.ts';
import { en } from '../../../src/i18n/en.ts';
import { myDataEn } from '../../../src/i18n/myData.en.ts';
import { myDataNl } from '../../../src/i18n/myData.nl.ts';
import { nl } from '../../../src/i18n/nl.ts';
import { plgEn } from '../../../src/i18n/plg.en.ts';
import { plgNl } from '../../../src/i18n/plg.nl.ts';
import {
  API_ERROR_CODES,
  IMPORT_ERROR_REASONS,
  SYNC_DENY_REASONS,
} from '../../../src/model/apiErrors.ts';
import { ROLES } from '../../../src/model/roles.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1] ?? '').sort();
}

describe('i18n messages', () => {
  it('has the same keys in Dutch and English', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('uses the same placeholders in both languages, lazily loaded screens included', () => {
    const lookup = (messages: unknown, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
    const dutch = { ...nl, debrief: debriefNl, plg: plgNl, myData: myDataNl, coaching: coachingNl };
    const english = {
      ...en,
      debrief: debriefEn,
      plg: plgEn,
      myData: myDataEn,
      coaching: coachingEn,
    };
    expect(keys(english).sort()).toEqual(keys(dutch).sort());
    for (const key of keys(dutch)) {
      expect(placeholders(String(lookup(english, key))), key).toEqual(
        placeholders(String(lookup(dutch, key))),
      );
    }
  });

  it('translates every API error code, sync deny reason and role', () => {
    for (const code of [...API_ERROR_CODES, 'network', 'bad_response']) {
      expect(nl.errors.api).toHaveProperty(code);
    }
    for (const reason of SYNC_DENY_REASONS) expect(nl.errors.sync).toHaveProperty(reason);
    for (const role of ROLES) expect(nl.roles).toHaveProperty(role);
  });

  it('translates every import error reason in both languages', () => {
    for (const reason of IMPORT_ERROR_REASONS) {
      expect(nl.errors.import[reason]).toBeTruthy();
      expect(en.errors.import[reason]).toBeTruthy();
    }
  });
});
