/**
 * A React.memo comparison that ignores `ignored` props: the observation
 * screen hands its fold to every part, and a tap changes the fold, so the
 * parts compare a cheaper stand-in for it (a version, a reading) instead.
 */
export function samePropsExcept<P extends object>(...ignored: (keyof P)[]) {
  return (before: P, after: P): boolean => {
    for (const key of Object.keys(after) as (keyof P)[])
      if (!ignored.includes(key) && before[key] !== after[key]) return false;
    return true;
  };
}
