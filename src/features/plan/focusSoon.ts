/**
 * Puts the caret in the field `selector` finds in the next frame, once what
 * an edit just added is on screen. Call it from the edit itself, not after
 * the commit on this device, so a writer who starts typing at once loses no
 * keys.
 */
export function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
