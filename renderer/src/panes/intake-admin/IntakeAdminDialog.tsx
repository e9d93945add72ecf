import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/ui/Dialog';
import { openThenClose } from '../../app/ui/openThenClose';
import { BotSettingsTab } from './BotSettingsTab';
import { FaqTab } from './FaqTab';
import { LoadsTab } from './LoadsTab';
import { WrongAnswersTab } from './WrongAnswersTab';

const TABS = ['faq', 'wrong', 'settings', 'loads'] as const;
type Tab = (typeof TABS)[number];

/**
 * The lead's intake screens: the FAQ the bot answers from, the bot answers agents marked wrong, the bot's and
 * routing's settings, and the agents' loads with a re-route by hand. Every change is checked and audited in the
 * core (which refuses agents too). Only the chosen tab is mounted, so only its data loads.
 */
export default function IntakeAdminDialog({ onClose, onOpen }: { onClose(): void; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('faq');
  const openIt = openThenClose(onOpen, onClose);
  return (
    <Dialog title={t('intakeAdmin.title')} onClose={onClose} size="90rem">
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="sm">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`intakeAdmin.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="faq">
          <FaqTab />
        </Tabs.Panel>
        <Tabs.Panel value="wrong">
          <WrongAnswersTab onOpen={openIt} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <BotSettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="loads">
          <LoadsTab onOpen={openIt} />
        </Tabs.Panel>
      </Tabs>
    </Dialog>
  );
}
