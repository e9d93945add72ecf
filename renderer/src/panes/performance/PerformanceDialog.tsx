import { useTranslation } from 'react-i18next';
import { openThenClose } from '../../app/ui/openThenClose';
import { HelpSection } from './HelpSection';
import { PeriodTabsDialog, type PeriodTab } from './PeriodTabsDialog';
import { ScoresTab } from './ScoresTab';
import { TrendSection } from './TrendSection';
import { WeightsTab } from './WeightsTab';

/**
 * The lead's performance dashboard: every agent's score and components for a period (sortable, each figure opening
 * what is behind it), the trends by day and week, the score's weights and targets, and how it is all computed.
 * Only the chosen tab is mounted, so only its data loads; the core refuses all of it to anyone but a lead.
 */
export default function PerformanceDialog({ onClose, onOpen }: { onClose(): void; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const openIt = openThenClose(onOpen, onClose);
  const tabs: PeriodTab[] = [
    { key: 'scores', label: t('performance.tabs.scores'), usesPeriod: true, panel: (period) => <ScoresTab period={period} onOpen={openIt} /> },
    { key: 'trends', label: t('performance.tabs.trends'), usesPeriod: true, panel: (period) => <TrendSection period={period} /> },
    { key: 'weights', label: t('performance.tabs.weights'), usesPeriod: false, panel: () => <WeightsTab /> },
    { key: 'help', label: t('performance.tabs.help'), usesPeriod: false, panel: () => <HelpSection /> },
  ];
  return <PeriodTabsDialog title={t('performance.title')} size="90rem" tabs={tabs} onClose={onClose} />;
}
