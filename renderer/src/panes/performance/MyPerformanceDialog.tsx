import { Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';
import { Dialog } from '../../app/ui/Dialog';
import { openThenClose } from '../../app/ui/openThenClose';
import { HelpSection } from './HelpSection';
import { PeriodPicker } from './PeriodPicker';
import { RatingsReceived } from './RatingsReceived';
import { ScoreExplanation } from './ScoreExplanation';
import { TrendSection } from './TrendSection';
import { usePerformanceCall } from './topics';
import { usePeriod } from './usePeriod';

const TABS = ['score', 'trend', 'ratings', 'help'] as const;
type Tab = (typeof TABS)[number];

/**
 * An agent's own performance: their score explained component by component, their trend, and the ratings they
 * received. There is no way to pick another agent here, and the core answers only about the caller anyway.
 */
export default function MyPerformanceDialog({ onClose, onOpen }: { onClose(): void; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('score');
  const { preset, setPreset, period } = usePeriod();
  const openIt = openThenClose(onOpen, onClose);
  return (
    <Dialog title={t('performance.mineTitle')} onClose={onClose} size="70rem">
      <Stack gap="sm">
        {(tab === 'score' || tab === 'trend') && <PeriodPicker preset={preset} period={period} onChange={setPreset} />}
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List mb="sm">
            {TABS.map((k) => (
              <Tabs.Tab key={k} value={k}>
                {t(`performance.mine.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="score">
            <MyScore period={period} />
          </Tabs.Panel>
          <Tabs.Panel value="trend">
            <TrendSection period={period} mine />
          </Tabs.Panel>
          <Tabs.Panel value="ratings">
            <RatingsReceived onOpen={openIt} />
          </Tabs.Panel>
          <Tabs.Panel value="help">
            <HelpSection />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Dialog>
  );
}

function MyScore({ period }: { period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const session = useSession();
  // No agentId: the core answers with the caller only (asking for someone else is refused).
  const scores = usePerformanceCall('performance.scores', period);
  if (scores.status === 'error') return <ErrorText error={scores.error} />;
  if (scores.status !== 'ok') return null;
  const me = scores.value.agents.find((a) => a.metrics.agentId === session.agent.id);
  if (!me) return <Text size="sm">{t('performance.trend.empty')}</Text>;
  return <ScoreExplanation agent={me} />;
}
