import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './App.module.css';
import { Panel, PanelGroup, PanelResizeHandle } from 'react-resizable-panels';
import { ContextPane } from '../panes/context/ContextPane';
import { ConversationPane } from '../panes/conversation/ConversationPane';
import { WorkBar } from '../panes/conversation/WorkBar';
import { QueuePane } from '../panes/queue/QueuePane';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';
import { IdentityGate } from './identity/IdentityGate';
import { SkipLink } from './keyboard/SkipLink';
import { useWorkspaceKeys } from './keyboard/useWorkspaceKeys';
import { useLockTriggers } from './identity/useLockTriggers';
import { NoticeCenter } from './notices/NoticeCenter';
import { ProblemsBanner } from './ProblemsBanner';
import { LoadingPanel } from './RetryPanel';
import { PracticeSession, SessionProvider, useSession } from './session';
import { useSelection } from './selection';
import { TraineeHome } from './TraineeHome';
import { PracticeBar } from '../panes/training/PracticeBar';
import { TrainingGate } from '../panes/training/TrainingGate';
import type { PracticeState } from '../../../shared/contract/training';
import { useChanges } from '../api/hooks';
import { conversationToOpen, topic } from '../../../shared/contract';

/**
 * Sign-in first; then the workspace of the signed-in profile: live work for agents and leads, training for
 * trainees (who never see live customers: the core refuses them too).
 */
export function App() {
  return (
    <>
      <ConnectionBanner />
      <IdentityGate>
        {() => (
          <SessionProvider fallback={<LoadingPanel />}>
            <SignedIn />
          </SessionProvider>
        )}
      </IdentityGate>
    </>
  );
}

function SignedIn() {
  const session = useSession();
  useLockTriggers(session.lockAfterMinutes);
  // While a practice runs the workspace shows it, marked as training (the core answers from the practice's sandbox);
  // otherwise trainees, and anyone who opened it from the header, get the training home.
  return <TrainingGate role={session.agent.role} home={<TraineeHome />} workspace={(practice) => <Workspace practice={practice} />} />;
}

/**
 * The live workspace: header, then queue | conversation | customer context, resizable and remembered. Keyboard:
 * a skip link to the queue, F6 / Ctrl/Cmd+1/2/3 between the panes (app/keyboard).
 */
function MaybePractice({ practice, children }: { practice: boolean; children: ReactNode }) {
  return practice ? <PracticeSession>{children}</PracticeSession> : <>{children}</>;
}

function Workspace({ practice }: { practice: PracticeState | null }) {
  const { t } = useTranslation();
  const [selectedId, select] = useSelection();
  useWorkspaceKeys(); // F6 / Shift+F6, Ctrl/Cmd+1/2/3, `r` from the queue; the queue takes focus on a fresh page
  // The desktop app's main process asks for a conversation when its notification is clicked.
  useChanges(
    (t) => t.startsWith(topic.open('')),
    () => {},
    (topics) => {
      const id = conversationToOpen(topics);
      if (id) select(id);
    },
  );
  return (
    <div className="app">
      <SkipLink />
      <Header onOpen={select} />
      {practice && <PracticeBar practice={practice} selectedId={selectedId} onOpen={select} />}
      <ProblemsBanner />
      {/* The panes speak to the practice sandbox while practising: the role they check is the sandbox's. */}
      <MaybePractice practice={practice !== null}>
        <WorkBar onOpen={select} />
        <PanelGroup direction="horizontal" autoSaveId="kefu.panes" className="panes">
          <Panel id="queue" order={1} defaultSize={30} minSize={18} className="pane" tagName="section" tabIndex={-1} aria-label={t('app.panes.queue')}>
            <QueuePane selectedId={selectedId} onSelect={select} />
          </Panel>
          <PanelResizeHandle className="resize-handle" aria-label={t('app.resizeHandle')} />
          <Panel id="conversation" order={2} defaultSize={45} minSize={25} className="pane" tagName="section" tabIndex={-1} aria-label={t('app.panes.conversation')}>
            <ConversationPane conversationId={selectedId} onOpen={select} />
          </Panel>
          <PanelResizeHandle className="resize-handle" aria-label={t('app.resizeHandle')} />
          <Panel id="context" order={3} defaultSize={25} minSize={15} className="pane" tagName="section" tabIndex={-1} aria-label={t('app.panes.context')}>
            <NoticeCenter onOpen={select} />
            {/* The notices take their room at the top; the customer context scrolls in what is left. */}
            <div className={classes.below}>
              <ContextPane conversationId={selectedId} onOpen={select} />
            </div>
          </Panel>
        </PanelGroup>
      </MaybePractice>
    </div>
  );
}
