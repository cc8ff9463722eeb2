import { useCallback, useRef, useState } from 'react';

/**
 * A polite live-region message for screen readers (e.g. "Phase Instruction is
 * now at position 3 of 6"). Render `message` inside an element with
 * `aria-live="polite"`; the same message twice is announced twice.
 */
export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const toggle = useRef(false);
  const announce = useCallback((next: string) => {
    // A trailing no-break space that alternates makes a repeated message a change.
    toggle.current = !toggle.current;
    setMessage(toggle.current ? next : `${next}\u00a0`);
  }, []);
  return [message, announce];
}
