import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { PracticeState } from '../../../../shared/contract/training';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { PracticeBanner } from './PracticeBanner';
import { setTrainingView } from './trainingView';

/** Where the live selection waits while a practice has the workspace (restored when the practice ends). */
const liveSelectionKey = (attemptId: string) => `kefu.training.liveSelection.${attemptId}`;

/**
 * The practice banner in the workspace, with what Finish and Abandon do: the core grades (or drops) the attempt and
 * discards the sandbox; the training home then opens on the result. The practice's conversation is opened when the
 * practice starts, and the conversation that was open in live work comes back when it ends.
 */
export function PracticeBar({ practice, selectedId, onOpen }: { practice: PracticeState; selectedId: string | null; onOpen(id: string | null): void }) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const first = useRef({ selectedId, onOpen });

  useEffect(() => {
    const { selectedId: before, onOpen: open } = first.current;
    const key = liveSelectionKey(practice.attemptId);
    // A reload during the practice finds the practice's conversation selected: keep the live one saved first.
    if (before !== practice.conversationId && sessionStorage.getItem(key) === null) sessionStorage.setItem(key, before ?? '');
    open(practice.conversationId);
    return () => {
      const live = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
      open(live ? live : null);
    };
  }, [practice.attemptId, practice.conversationId]);

  const end = async (how: 'finish' | 'abandon') => {
    setBusy(true);
    const r = how === 'finish' ? await api.call['training.finish']({ attemptId: practice.attemptId }) : await api.call['training.abandon']({ attemptId: practice.attemptId });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setTrainingView({ open: true, attemptId: how === 'finish' ? practice.attemptId : null });
    await client.invalidateQueries({ queryKey: ['training.current'] });
  };

  return (
    <>
      <PracticeBanner practice={practice} busy={busy} onFinish={() => void end('finish')} onAbandon={() => void end('abandon')} />
      {error && <ErrorText error={error} />}
    </>
  );
}
