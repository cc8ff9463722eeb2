import { useEffect, useState } from 'react';
import { getSetting, setSetting } from '../../sync/device.ts';

const DISPLAY_NAME_SETTING = 'displayName';

/**
 * The display name field of "create team" and "join": prefilled with the name
 * this device used last, which `remember` stores for next time.
 */
export function useSavedDisplayName(): [string, (value: string) => void, () => Promise<void>] {
  const [displayName, setDisplayName] = useState('');
  useEffect(() => {
    void getSetting<string>(DISPLAY_NAME_SETTING).then((saved) => {
      if (saved) setDisplayName((current) => current || saved);
    });
  }, []);
  const remember = () => setSetting(DISPLAY_NAME_SETTING, displayName.trim());
  return [displayName, setDisplayName, remember];
}
