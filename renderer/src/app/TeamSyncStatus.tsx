import { Badge, Button, Group, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../shared/contract';
import { can } from '../../../shared/contract/permissions';
import type { TeamSyncView } from '../../../shared/contract/team';
import { useCall } from '../api/hooks';
import { formatTime } from './format';
import { useSession } from './session';
import classes from './intake/SpoolStatus.module.css';
import own from './TeamSyncStatus.module.css';

/**
 * Team mode at a glance (docs/team-mode.md): the team's database offline, work not yet synced, and changes that
 * gave way to another desktop's (each opens its conversation). Nothing while in step, or without team mode.
 */
export function TeamSyncStatus({ onOpen }: { onOpen?(conversationId: string): void }) {
  const { agent } = useSession();
  const status = useCall('team.status', can(agent.role, 'team.status') ? {} : null, [topic.team]);
  return status.status === 'ok' ? <TeamSyncStatusView s={status.value} onOpen={onOpen} /> : null;
}

/** The indicator for one `team.status` reading (separate so each state can be shown and tested as it is). */
export function TeamSyncStatusView({ s, onOpen }: { s: TeamSyncView; onOpen?(conversationId: string): void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (!s.enabled || (s.online && s.waiting === 0 && s.conflicts.length === 0 && !s.joining)) return null;
  const detail = [s.online ? '' : t('teamSync.offlineDetail'), s.lastError ? t('teamSync.lastError', { message: s.lastError }) : ''].filter(Boolean).join(' ');
  return (
    <Group gap={6} wrap="nowrap" role="group" aria-label={t('teamSync.status')}>
      {(!s.online || s.waiting > 0) && (
        <Badge role="status" variant="outline" size="sm" tt="none" className={s.online ? classes.nowrap : classes.warn} title={detail || undefined}>
          {[!s.online ? t('teamSync.offline') : '', s.waiting > 0 ? t('teamSync.waiting', { count: s.waiting }) : ''].filter(Boolean).join(' · ')}
        </Badge>
      )}
      {s.joining && (
        <Badge role="status" variant="outline" size="sm" tt="none" className={classes.nowrap} title={t('teamSync.joiningDetail', { done: s.joining.done, total: s.joining.total })}>
          {t('teamSync.joining', { percent: s.joining.total === 0 ? 100 : Math.floor((s.joining.done / s.joining.total) * 100) })}
        </Badge>
      )}
      {s.conflicts.length > 0 && (
        <div className={own.anchor}>
          <Button size="xs" variant="default" className={classes.warn} aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
            {t('teamSync.conflicts', { count: s.conflicts.length })}
          </Button>
          {open && (
            <div id={listId} className={own.panel} role="region" aria-label={t('teamSync.conflictsTitle')}>
              <Text size="xs" c="dimmed">
                {t('teamSync.conflictsTitle')}
              </Text>
              {[...s.conflicts].reverse().map((c) => {
                const time = formatTime(c.at, i18n.language);
                const conversationId = c.conversationId;
                // A conversation opens; another record (a canned reply, a profile...) is named: its screen shows the team's copy.
                return conversationId ? (
                  <Button key={`${c.coll}-${c.recordId}-${c.at}`} size="xs" variant="subtle" justify="start" onClick={() => (setOpen(false), onOpen?.(conversationId))}>
                    {t('teamSync.conflictItem', { id: conversationId, time })}
                  </Button>
                ) : (
                  <Text key={`${c.coll}-${c.recordId}-${c.at}`} size="xs" px="xs">
                    {t('teamSync.recordItem', { what: t(`teamSync.coll.${c.coll}`, { defaultValue: t('teamSync.coll.other') }), id: c.recordId, time })}
                  </Text>
                );
              })}
            </div>
          )}
        </div>
      )}
    </Group>
  );
}
