import type { TFunction } from 'i18next';
import { isApiErrorCode, isSyncDenyReason } from '../model/apiErrors.ts';

/**
 * The one place that turns an error reason into a translated sentence, so
 * every screen words a reason alike. Unknown values get the generic text.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : error;
  if (isApiErrorCode(code) || code === 'network' || code === 'bad_response') {
    return t(`errors.api.${code}`);
  }
  if (isSyncDenyReason(code)) return t(`errors.sync.${code}`);
  return t('errors.unexpected');
}
