import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Output } from '../../../shared/contract';
import { useCall } from '../api/hooks';
import { applyLocale } from '../i18n';
import { RetryPanel } from './RetryPanel';

export type SessionInfo = Output<'session.get'>;
const SessionContext = createContext<SessionInfo | null>(null);
const NowContext = createContext<number>(0);

/** The signed-in agent and the core's clock, for every pane. */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const session = useCall('session.get', {}, ['session', 'clock']);
  const value = session.status === 'ok' ? session.value : null;
  useEffect(() => {
    if (value) applyLocale(value.locale);
  }, [value?.locale]);
  if (session.status === 'error') {
    return <RetryPanel error={session.error} onRetry={() => session.reload()} />;
  }
  if (!value) return <>{fallback}</>;
  return (
    <SessionContext.Provider value={value}>
      <NowProvider serverNow={value.now} fake={value.fakeClock}>
        {children}
      </NowProvider>
    </SessionContext.Provider>
  );
}

/**
 * The core's time, ticking once a second. With the system clock we keep the offset between the core and this
 * page; with a manual (test) clock time moves only when the core says so.
 */
function NowProvider({ serverNow, fake, children }: { serverNow: number; fake: boolean; children: ReactNode }) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(serverNow);
    if (fake) return;
    const offset = serverNow - Date.now();
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [serverNow, fake]);
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

export function useSession(): SessionInfo {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export const useNow = () => useContext(NowContext);

/**
 * Inside a practice the core answers the workspace from the practice's sandbox, where the person's copy is an agent
 * (a trainee too: that is what practising is). The workspace's own checks (may I change the status, transfer,
 * escalate) must see the same role, or a trainee could not resolve or escalate the practice conversation.
 */
export function PracticeSession({ children }: { children: ReactNode }) {
  const s = useSession();
  const value = useMemo<SessionInfo>(() => (s.agent.role === 'trainee' ? { ...s, agent: { ...s.agent, role: 'agent' } } : s), [s]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
