import { Button, Group, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReminderView } from '../../../../shared/contract/reminders';
import { REMINDER_PRESETS } from '../../../../shared/rules/reminderPresets';
import { api } from '../../api/client';
import { formatTime } from '../../app/format';
import classes from './reminders.module.css';

/** One bucket's reminders: when, which conversation, the note; the owner can complete, snooze again or delete. */
export function ReminderRows({ rows, onOpen, own }: { rows: ReminderView[]; onOpen(r: ReminderView): void; own: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={classes.rows}>
      {rows.map((r) => (
        <li key={r.id} className={classes.row}>
          <div className={classes.main}>
            <Text size="sm">
              <strong className={r.bucket === 'overdue' ? classes.late : undefined}>{formatTime(r.dueAt, i18n.language)}</strong> {r.subject} · {r.customerName}
              {!own && <> · {r.agentName}</>}
              {r.late && <span className={classes.late}> · {t('reminders.late')}</span>}
            </Text>
            {r.note && (
              <Text size="xs" c="dimmed">
                {r.note}
              </Text>
            )}
          </div>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Button variant="default" size="compact-xs" aria-label={t('reminders.openLabel', { subject: r.subject })} onClick={() => onOpen(r)}>
              {t('reminders.openConversation')}
            </Button>
            {own && r.status !== 'done' && (
              <Button variant="default" size="compact-xs" aria-label={t('reminders.completeLabel', { subject: r.subject })} onClick={() => void api.call['reminders.complete']({ id: r.id })}>
                {t('reminders.complete')}
              </Button>
            )}
            {own && <SnoozeAgain r={r} />}
            {own && (
              <Button variant="default" size="compact-xs" aria-label={t('reminders.deleteLabel', { subject: r.subject })} onClick={() => void api.call['reminders.delete']({ id: r.id })}>
                {t('reminders.delete')}
              </Button>
            )}
          </Group>
        </li>
      ))}
    </ul>
  );
}

/** "Remind me again" with a preset, from a menu. */
function SnoozeAgain({ r }: { r: ReminderView }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-xs" aria-label={t('reminders.snoozeLabel', { subject: r.subject })}>
          {t('reminders.snoozeAgain')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {REMINDER_PRESETS.map((p) => (
          <Menu.Item key={p} onClick={() => void api.call['reminders.snooze']({ id: r.id, when: { preset: p } })}>
            {t(`reminders.presets.${p}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
