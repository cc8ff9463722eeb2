import { describe, expect, it } from 'vitest';
import {
  inSchoolYear,
  type SchoolYear,
  schoolYearBounds,
  schoolYearOf,
  schoolYearsBetween,
} from '../../../src/model/schoolYear.ts';

const year = (name: string) => name as SchoolYear;

describe('schoolYearOf', () => {
  it('puts 31 July in the school year that ends and 1 August in the one that starts', () => {
    expect(schoolYearOf('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
  });

  it('puts January to July in the year that started the August before', () => {
    expect(schoolYearOf('2027-01-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-07-15')).toBe('2026-2027');
    expect(schoolYearOf('2026-12-31')).toBe('2026-2027');
  });

  it('reads the date part of a full ISO time', () => {
    expect(schoolYearOf('2026-07-31T23:59:59.999Z')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01T00:00:00.000Z')).toBe('2026-2027');
    expect(schoolYearOf('2026-09-01T08:00:00+02:00')).toBe('2026-2027');
  });

  it('is null for anything that is not a date', () => {
    expect(schoolYearOf('')).toBeNull();
    expect(schoolYearOf('gisteren')).toBeNull();
    expect(schoolYearOf('26-08-01')).toBeNull();
    expect(schoolYearOf('2026/08/01')).toBeNull();
    expect(schoolYearOf('01-08-2026')).toBeNull();
    expect(schoolYearOf('2026-8-1')).toBeNull();
    expect(schoolYearOf(' 2026-08-01')).toBeNull();
  });

  it('is null for a month outside 1–12', () => {
    expect(schoolYearOf('2026-00-10')).toBeNull();
    expect(schoolYearOf('2026-13-01')).toBeNull();
    expect(schoolYearOf('2026-12-01')).toBe('2026-2027');
    expect(schoolYearOf('2026-01-01')).toBe('2025-2026');
  });

  it('is null for a day that does not exist or trailing text', () => {
    expect(schoolYearOf('2026-02-31')).toBeNull();
    expect(schoolYearOf('2026-08-99')).toBeNull();
    expect(schoolYearOf('2026-08-01junk')).toBeNull();
    expect(schoolYearOf('2028-02-29')).toBe('2027-2028');
    expect(schoolYearOf('2027-02-29')).toBeNull();
  });
});

describe('schoolYearBounds', () => {
  it('runs from 1 August to 31 July of the next calendar year', () => {
    expect(schoolYearBounds(year('2026-2027'))).toEqual({ from: '2026-08-01', to: '2027-07-31' });
    expect(schoolYearBounds(year('1999-2000'))).toEqual({ from: '1999-08-01', to: '2000-07-31' });
  });

  it('has bounds that lie in the year and neighbours that do not', () => {
    const y = year('2025-2026');
    const { from, to } = schoolYearBounds(y);
    expect(schoolYearOf(from)).toBe(y);
    expect(schoolYearOf(to)).toBe(y);
    expect(inSchoolYear(from, y)).toBe(true);
    expect(inSchoolYear(to, y)).toBe(true);
    expect(inSchoolYear('2025-07-31', y)).toBe(false);
    expect(inSchoolYear('2026-08-01', y)).toBe(false);
  });
});

describe('inSchoolYear', () => {
  it('is false for a date that cannot be read', () => {
    expect(inSchoolYear('', year('2026-2027'))).toBe(false);
    expect(inSchoolYear('nooit', year('2026-2027'))).toBe(false);
  });

  it('accepts full ISO times', () => {
    expect(inSchoolYear('2027-03-04T10:00:00.000Z', year('2026-2027'))).toBe(true);
    expect(inSchoolYear('2027-03-04T10:00:00.000Z', year('2027-2028'))).toBe(false);
  });
});

describe('schoolYearsBetween', () => {
  it('lists every year from first to last, newest first', () => {
    expect(schoolYearsBetween(year('2023-2024'), year('2026-2027'))).toEqual([
      '2026-2027',
      '2025-2026',
      '2024-2025',
      '2023-2024',
    ]);
  });

  it('is the one year when first and last are the same', () => {
    expect(schoolYearsBetween(year('2026-2027'), year('2026-2027'))).toEqual(['2026-2027']);
  });

  it('is empty when first comes after last', () => {
    expect(schoolYearsBetween(year('2027-2028'), year('2026-2027'))).toEqual([]);
  });
});
