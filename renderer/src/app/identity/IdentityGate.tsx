import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import type { AgentSummary } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { resetClientState } from '../clientState';
import { OpeningPanel } from '../OpeningPanel';
import { RetryPanel } from '../RetryPanel';
import { FirstRunScreen } from './FirstRunScreen';
import { LockScreen } from './LockScreen';
import { SignInScreen } from './SignInScreen';

/**
 * Nothing of the workspace renders until the core says this window or page holds a signed-in, unlocked session.
 * Whenever that stops being true (sign-out, lock, an expired or foreign session, a restarted core) the workspace
 * unmounts and every client cache is reset, so no data of the previous profile stays on screen or in memory.
 */
export function IdentityGate({ children }: { children: (agent: AgentSummary) => ReactNode }) {
  const status = useCall('session.status', {}, ['session']);
  const value = status.status === 'ok' ? status.value : null;
  const holder = value?.state === 'signed_in' && value.agent ? value.agent.id : null;
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== holder) resetClientState();
    previous.current = holder;
  }, [holder]);

  if (status.status === 'error') {
    return <RetryPanel error={status.error} onRetry={() => status.reload()} />;
  }
  // The first answer can wait for the store to open (seconds for a large one): the panel says how far it has got.
  if (!value) return <OpeningPanel />;
  if (value.state === 'locked' && value.agent) return <LockScreen agent={value.agent} />;
  // Keyed by the profile: a different profile gets a fresh tree (no state carried over). A Fragment, so the
  // workspace keeps its full-height layout.
  if (value.state === 'signed_in' && value.agent) return <Fragment key={value.agent.id}>{children(value.agent)}</Fragment>;
  if (value.firstRun) return <FirstRunScreen problems={value.problems.length} />;
  return <SignInScreen profiles={value.profiles} problems={value.problems.length} opening={value.opening} />;
}
