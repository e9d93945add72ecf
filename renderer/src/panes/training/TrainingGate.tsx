import { useQueryClient, type Query } from '@tanstack/react-query';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import type { Role } from '../../../../shared/schema/common';
import type { PracticeState } from '../../../../shared/contract/training';
import { useCall } from '../../api/hooks';
import { LoadingPanel } from '../../app/RetryPanel';
import { useTrainingView } from './trainingView';

/**
 * Answers that do not depend on whether a practice runs: who is signed in (the identity gate and the session must
 * not blink: the identity gate resets every cache when the holder seems to change) and training itself.
 */
const kept = (q: Query) => /^(session|training|prefs)\./u.test(String(q.queryKey[0]));

/**
 * Picks the screen of the signed-in person: the workspace marked as training while a practice is in progress (the
 * core then answers this session's workspace calls from the practice's sandbox), else the training home for a
 * trainee or for anyone who opened it from the header, else the live workspace.
 *
 * Between live and practice every cached answer of the workspace is dropped before the other screen mounts: the
 * same calls (queue, conversation, context) answer from another store now, and a live conversation must never show
 * inside a practice, nor a practice one in live work. If the core cannot say whether a practice runs, the person
 * gets their usual screen (live work still needs no training).
 */
export function TrainingGate({ role, home, workspace }: { role: Role; home: ReactNode; workspace(practice: PracticeState | null): ReactNode }) {
  const client = useQueryClient();
  const current = useCall('training.current', {}, ['training', 'session']);
  const view = useTrainingView();
  const practice = current.status === 'ok' ? current.value : null;
  const modeKey = practice ? `practice:${practice.attemptId}` : 'live';
  // null until the first answer: what shows first needs no reset (nothing of the other mode was fetched yet).
  const [shownKey, setShownKey] = useState<string | null>(current.status === 'loading' ? null : modeKey);

  useLayoutEffect(() => {
    if (current.status === 'loading' || shownKey === modeKey) return;
    if (shownKey !== null) {
      client.removeQueries({ predicate: (q) => !kept(q) && q.getObserversCount() === 0 });
      void client.resetQueries({ predicate: (q) => !kept(q) });
    }
    setShownKey(modeKey);
  }, [client, current.status, modeKey, shownKey]);

  if (current.status === 'loading' || shownKey !== modeKey) return <LoadingPanel />;
  if (practice) return <>{workspace(practice)}</>;
  return <>{role === 'trainee' || view.open ? home : workspace(null)}</>;
}
