import { useSyncExternalStore } from 'react';
import { onClientReset } from '../../app/clientState';

/**
 * Which training screen this page shows, outside any component so the header's button, the practice banner and
 * the app's choice of home share it: `open` shows the training home in place of the live workspace (agents and
 * leads; a trainee's home is always the training home), `attemptId` opens one attempt's result there (set when a
 * practice is finished, so the result is the first thing seen). Page memory only: a reload starts at the workspace,
 * and signing out, switching profile or locking forgets it (the next person starts at their own home).
 */
export interface TrainingView {
  open: boolean;
  attemptId: string | null;
}

let state: TrainingView = { open: false, attemptId: null };
const listeners = new Set<() => void>();

export function setTrainingView(next: Partial<TrainingView>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function useTrainingView(): TrainingView {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

onClientReset(() => setTrainingView({ open: false, attemptId: null }));
