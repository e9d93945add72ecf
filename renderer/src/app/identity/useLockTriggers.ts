import { useEffect } from 'react';
import { lockNow } from './signOut';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Ctrl/Cmd+L locks at once; no keyboard or mouse input for `minutes` (the lead's setting; 0: never) locks too. The
 * core refuses everything but unlock and sign-out on a locked session, whatever this page does.
 */
export function useLockTriggers(minutes: number): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    if (minutes <= 0) return () => window.removeEventListener('keydown', onKey);
    let timer = setTimeout(() => void lockNow(), minutes * 60_000);
    const activity = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lockNow(), minutes * 60_000);
    };
    for (const a of ACTIVITY) window.addEventListener(a, activity, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
      for (const a of ACTIVITY) window.removeEventListener(a, activity);
    };
  }, [minutes]);
}
