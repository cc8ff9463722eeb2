import { slug } from '../../app/download.ts';

/** A file name from a template name: letters, digits and dashes only. */
export function fileNameFor(name: string, version: number): string {
  return `${slug(name) || 'kijkwijzer'}-v${version}.json`;
}
