import { Anchor, Group, Select, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../shared/contract';
import { Presence } from '../../../../shared/schema';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { SearchLauncher } from '../search/SearchLauncher';
import classes from './WorkBar.module.css';

// Every presence the schema knows, in its order: online, busy (new work only when nobody available fits), away, offline.
const PRESENCES = Presence.options;

/**
 * Above the panes: search, and the agent's own presence. Setting "away" sends repeat contacts of their customers
 * to the team queue marked "owner away"; coming back lists what waited for them.
 */
export function WorkBar({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const presenceId = useId();
  const [waiting, setWaiting] = useState<ConversationSummary[]>([]);
  const setPresence = async (presence: Presence) => {
    const r = await api.call['agent.setPresence']({ presence });
    if (r.ok) setWaiting(r.value.waiting);
  };
  return (
    <div className={classes.bar} role="toolbar" aria-label={t('conversation.workBar')}>
      <SearchLauncher onOpen={onOpen} />
      {agent.role !== 'trainee' && (
        <Group gap="xs" wrap="nowrap">
          <Text component="label" htmlFor={presenceId} size="sm">
            {t('conversation.presenceLabel')}
          </Text>
          <Select
            id={presenceId}
            size="xs"
            w={110}
            data={PRESENCES.map((p) => ({ value: p, label: t(`conversation.presence.${p}`) }))}
            value={agent.presence}
            allowDeselect={false}
            onChange={(v) => v && void setPresence(v as Presence)}
          />
        </Group>
      )}
      {waiting.length > 0 && (
        <div className={classes.waiting} role="status">
          <Text span size="xs" c="dimmed">
            {t('conversation.waiting', { count: waiting.length })}
          </Text>
          <ul aria-label={t('conversation.waitingList')} className={classes.waitingList}>
            {waiting.map((w) => (
              <li key={w.id}>
                <Anchor component="button" type="button" size="xs" onClick={() => onOpen(w.id)}>
                  {w.subject}
                </Anchor>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
