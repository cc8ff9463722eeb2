import type { TFunction } from 'i18next';
import * as v from 'valibot';

type StringSchema = v.GenericSchema<string, string>;

/**
 * Validates one text field with the model's schema and returns a translated
 * message, or null when the value is fine.
 */
export function fieldError(
  t: TFunction,
  schema: StringSchema,
  value: string,
  max: number,
): string | null {
  const result = v.safeParse(schema, value);
  if (result.success) return null;
  return value.trim().length === 0 ? t('common.required') : t('common.tooLong', { max });
}
