import { screen, waitFor } from '@testing-library/react';
import { act, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { ChangeEvent, Result } from '../../shared/contract';
import type { PracticeState } from '../../shared/contract/training';
import { useCall } from '../../renderer/src/api/hooks';
import { resetClientState } from '../../renderer/src/app/clientState';
import { TrainingGate } from '../../renderer/src/panes/training/TrainingGate';
import { setTrainingView } from '../../renderer/src/panes/training/trainingView';
import { useCore } from './kefuWindow';
import { renderApp } from './render';

const PRACTICE: PracticeState = { attemptId: 'at-1', scenarioId: 'sc-1', scenarioTitle: 'Upload stuck', conversationId: 'tr-c-1', startedAt: 0, turnBudgetMs: 120_000 };

/**
 * A stand-in core for the gate alone: `training.current` says whether a practice runs and `queue.counts` answers
 * from the live store or the sandbox, as the real core does for a session in practice.
 */
function stubCore() {
  const state = { practice: null as PracticeState | null };
  const listeners = new Set<(e: ChangeEvent) => void>();
  let seq = 0;
  const calls = new Map<string, number>();
  const core = {
    call: async (name: string): Promise<Result<unknown>> => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      if (name === 'session.status') return { ok: true, value: { state: 'signed_in' } };
      if (name === 'training.current') return { ok: true, value: state.practice };
      if (name === 'queue.counts') return { ok: true, value: { breached: state.practice ? 0 : 41, atRisk: 0, uncoveredYears: [] } };
      return { ok: false, error: { kind: 'internal', message: `not stubbed: ${name}` } };
    },
    subscribe: (l: (e: ChangeEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const publish = (topics: string[]) => act(() => listeners.forEach((l) => l({ seq: ++seq, topics, at: 0 })));
  return { core: core as unknown as Core, state, publish, calls };
}

/** Stands for the identity gate: it must not refetch (and blink) when the workspace switches stores. */
function Identity({ children }: { children: ReactNode }) {
  const status = useCall('session.status', {}, ['session']);
  return status.status === 'ok' ? <>{children}</> : <p>identity loading</p>;
}

/** What a workspace pane shows: the team's breached count, cached like every answer. */
function Workspace({ practice }: { practice: PracticeState | null }) {
  const counts = useCall('queue.counts', {}, ['queue']);
  return <p data-testid="ws">{`${practice ? 'practice' : 'live'}:${counts.status === 'ok' ? counts.value.breached : '…'}`}</p>;
}

describe('the training gate', () => {
  it('shows the workspace while practising, never with an answer cached from live work, and back again after', async () => {
    const { core, state, publish, calls } = stubCore();
    useCore(core, 's1');
    const seen: string[] = [];
    const probe = (p: PracticeState | null) => <Workspace practice={p} />;
    renderApp(
      <Identity>
        <TrainingGate role="agent" home={<p>home</p>} workspace={probe} />
      </Identity>,
    );
    await waitFor(() => expect(screen.getByTestId('ws').textContent).toBe('live:41'));
    const observer = new MutationObserver(() => {
      const ws = document.querySelector('[data-testid="ws"]');
      if (ws) seen.push(ws.textContent!);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });

    state.practice = PRACTICE;
    await publish(['training']);
    await waitFor(() => expect(screen.getByTestId('ws').textContent).toBe('practice:0'));
    // The live count was dropped before the practice workspace mounted: it never showed there.
    expect(seen.filter((s) => s === 'practice:41')).toEqual([]);

    state.practice = null;
    await publish(['training']);
    await waitFor(() => expect(screen.getByTestId('ws').textContent).toBe('live:41'));
    expect(seen.filter((s) => s === 'live:0')).toEqual([]);
    // Who is signed in was asked once: switching stores never reset it.
    expect(calls.get('session.status')).toBe(1);
    observer.disconnect();
  });

  it('gives a trainee the training home, and an agent too once opened from the header, until sign-out', async () => {
    const { core } = stubCore();
    useCore(core, 's1');
    const { unmount } = renderApp(<TrainingGate role="trainee" home={<p>home</p>} workspace={() => <p>workspace</p>} />);
    expect(await screen.findByText('home')).toBeTruthy();
    unmount();
    renderApp(<TrainingGate role="agent" home={<p>home</p>} workspace={() => <p>workspace</p>} />);
    expect(await screen.findByText('workspace')).toBeTruthy();
    act(() => setTrainingView({ open: true }));
    expect(await screen.findByText('home')).toBeTruthy();
    act(() => setTrainingView({ open: false }));
    expect(await screen.findByText('workspace')).toBeTruthy();
    // Signing out (or a profile switch, or a lock) forgets it: the next agent starts at live work.
    act(() => setTrainingView({ open: true, attemptId: 'at-1' }));
    expect(await screen.findByText('home')).toBeTruthy();
    act(() => resetClientState());
    expect(await screen.findByText('workspace')).toBeTruthy();
  });
});
