import { Stack, Tabs } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Dialog } from '../../app/ui/Dialog';
import type { Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { usePeriod } from './usePeriod';

export interface PeriodTab {
  key: string;
  label: string;
  /** Whether the period picker shows above this tab (its figures depend on the period). */
  usesPeriod: boolean;
  panel: (period: Period) => ReactNode;
}

/**
 * The performance dialogs' frame (the lead's dashboard, an agent's own figures): tabs, of which only the chosen one is
 * mounted (so only its data loads), and one period picker shown above the tabs that use it.
 */
export function PeriodTabsDialog({ title, size, tabs, onClose }: { title: string; size: string; tabs: readonly PeriodTab[]; onClose(): void }) {
  const [tab, setTab] = useState(tabs[0].key);
  const { preset, setPreset, period } = usePeriod();
  return (
    <Dialog title={title} onClose={onClose} size={size}>
      <Stack gap="sm">
        {tabs.find((k) => k.key === tab)?.usesPeriod && <PeriodPicker preset={preset} period={period} onChange={setPreset} />}
        <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
          <Tabs.List mb="sm">
            {tabs.map((k) => (
              <Tabs.Tab key={k.key} value={k.key}>
                {k.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((k) => (
            <Tabs.Panel key={k.key} value={k.key}>
              {k.panel(period)}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Dialog>
  );
}
