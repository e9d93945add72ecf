import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/ui/Dialog';
import { openThenClose } from '../../app/ui/openThenClose';
import { HelpSection } from './HelpSection';
import { PeriodPicker } from './PeriodPicker';
import { ScoresTab } from './ScoresTab';
import { TrendSection } from './TrendSection';
import { usePeriod } from './usePeriod';
import { WeightsTab } from './WeightsTab';

const TABS = ['scores', 'trends', 'weights', 'help'] as const;
type Tab = (typeof TABS)[number];

/**
 * The lead's performance dashboard: every agent's score and components for a period (sortable, each figure opening
 * what is behind it), the trends by day and week, the score's weights and targets, and how it is all computed.
 * Only the chosen tab is mounted, so only its data loads; the core refuses all of it to anyone but a lead.
 */
export default function PerformanceDialog({ onClose, onOpen }: { onClose(): void; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('scores');
  const { preset, setPreset, period } = usePeriod();
  const openIt = openThenClose(onOpen, onClose);
  return (
    <Dialog title={t('performance.title')} onClose={onClose} size="90rem">
      <Stack gap="sm">
        {(tab === 'scores' || tab === 'trends') && <PeriodPicker preset={preset} period={period} onChange={setPreset} />}
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List mb="sm">
            {TABS.map((k) => (
              <Tabs.Tab key={k} value={k}>
                {t(`performance.tabs.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="scores">
            <ScoresTab period={period} onOpen={openIt} />
          </Tabs.Panel>
          <Tabs.Panel value="trends">
            <TrendSection period={period} />
          </Tabs.Panel>
          <Tabs.Panel value="weights">
            <WeightsTab />
          </Tabs.Panel>
          <Tabs.Panel value="help">
            <HelpSection />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Dialog>
  );
}
