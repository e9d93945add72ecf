import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttemptView } from '../panes/training/AttemptView';
import { MyTraining } from '../panes/training/MyTraining';
import { setTrainingView, useTrainingView } from '../panes/training/trainingView';
import classes from '../panes/training/training.module.css';
import { Header } from './Header';
import { useSession } from './session';

// The lead's screens (everyone's progress, assigning, authoring) load on first use, not with a trainee's home.
const TeamTraining = lazy(() => import('../panes/training/TeamTraining'));
const Authoring = lazy(() => import('../panes/training/Authoring'));

type Tab = 'mine' | 'team' | 'author';

/**
 * The training home: a trainee's only screen, and the screen agents and leads reach from the header's Training
 * button. Practising happens in the real workspace (App switches to it while a practice runs); here are the
 * assigned scenarios, the library, past attempts and their results, progress; leads also see the team and author.
 * Nothing live is fetched here: the core refuses trainees live data.
 */
export function TraineeHome() {
  const { t } = useTranslation();
  const session = useSession();
  const view = useTrainingView();
  const lead = session.agent.role === 'lead';
  const [tab, setTab] = useState<Tab>('mine');
  return (
    <div className="app">
      <Header />
      <Stack component="main" aria-labelledby="trainee-title" p="xl" gap="md" className={classes.home}>
        <Group justify="space-between" maw={1100}>
          <div>
            <Title order={2} id="trainee-title">
              {t('training.home.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('training.home.intro')}
            </Text>
          </div>
          {session.agent.role !== 'trainee' && (
            <Button variant="default" size="xs" onClick={() => setTrainingView({ open: false, attemptId: null })}>
              {t('training.home.backToWork')}
            </Button>
          )}
        </Group>
        <div style={{ maxWidth: 1100 }}>
          {view.attemptId ? (
            <AttemptView attemptId={view.attemptId} onBack={() => setTrainingView({ attemptId: null })} backLabel={t('training.home.backToHome')} />
          ) : lead ? (
            <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
              <Tabs.List mb="sm">
                {(['mine', 'team', 'author'] as const).map((k) => (
                  <Tabs.Tab key={k} value={k}>
                    {t(`training.tabs.${k}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="mine">
                <MyTraining />
              </Tabs.Panel>
              <Tabs.Panel value="team">
                <Suspense fallback={null}>
                  <TeamTraining />
                </Suspense>
              </Tabs.Panel>
              <Tabs.Panel value="author">
                <Suspense fallback={null}>
                  <Authoring />
                </Suspense>
              </Tabs.Panel>
            </Tabs>
          ) : (
            <MyTraining />
          )}
        </div>
      </Stack>
    </div>
  );
}
