import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { nl } from '../../../src/i18n/nl.ts';
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

  it('uses the same placeholders in both languages', () => {
    const lookup = (messages: unknown, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
    for (const key of keys(nl)) {
      expect(placeholders(String(lookup(en, key))), key).toEqual(
        placeholders(String(lookup(nl, key))),
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
