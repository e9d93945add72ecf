import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';
import { openThenClose } from '../../app/ui/openThenClose';
import { HelpSection } from './HelpSection';
import { PeriodTabsDialog, type PeriodTab } from './PeriodTabsDialog';
import { RatingsReceived } from './RatingsReceived';
import { ScoreExplanation } from './ScoreExplanation';
import { TrendSection } from './TrendSection';
import { usePerformanceCall } from './topics';

/**
 * An agent's own performance: their score explained component by component, their trend, and the ratings they
 * received. There is no way to pick another agent here, and the core answers only about the caller anyway.
 */
export default function MyPerformanceDialog({ onClose, onOpen }: { onClose(): void; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const openIt = openThenClose(onOpen, onClose);
  const tabs: PeriodTab[] = [
    { key: 'score', label: t('performance.mine.score'), usesPeriod: true, panel: (period) => <MyScore period={period} /> },
    { key: 'trend', label: t('performance.mine.trend'), usesPeriod: true, panel: (period) => <TrendSection period={period} mine /> },
    { key: 'ratings', label: t('performance.mine.ratings'), usesPeriod: false, panel: () => <RatingsReceived onOpen={openIt} /> },
    { key: 'help', label: t('performance.mine.help'), usesPeriod: false, panel: () => <HelpSection /> },
  ];
  return <PeriodTabsDialog title={t('performance.mineTitle')} size="70rem" tabs={tabs} onClose={onClose} />;
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
