import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REMINDERS_TOPIC, type ReminderView } from '../../../../shared/contract/reminders';
import { useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog } from '../../app/ui/Dialog';
import { ReminderRows } from './ReminderRows';

const BUCKETS = ['due', 'overdue', 'upcoming', 'done'] as const;

/** The reminders view: the agent's own by bucket, with complete / snooze again / delete; leads also see the team's overdue ones. */
export default function RemindersDialog({ onClose, onOpen }: { onClose(): void; onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const session = useSession();
  // The clock topic: buckets move (upcoming → due → overdue) as time passes.
  const mine = useCall('reminders.list', {}, [REMINDERS_TOPIC, 'clock']);
  const list = mine.status === 'ok' ? mine.value : [];
  const open = (r: ReminderView) => {
    onOpen(r.conversationId);
    onClose();
  };

  return (
    <Dialog title={t('reminders.title')} onClose={onClose} size="xl">
      <Stack gap="md">
        {BUCKETS.map((b) => {
          const rows = list.filter((r) => r.bucket === b);
          return (
            <section key={b} aria-label={t(`reminders.bucket.${b}`)}>
              <Title order={3} size="h3" mb={4}>
                {t(`reminders.bucket.${b}`)} ({rows.length})
              </Title>
              {rows.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('reminders.none')}
                </Text>
              ) : (
                <ReminderRows rows={rows} onOpen={open} own />
              )}
            </section>
          );
        })}
        {session.agent.role === 'lead' && <TeamOverdue onOpen={open} />}
      </Stack>
    </Dialog>
  );
}

function TeamOverdue({ onOpen }: { onOpen(r: ReminderView): void }) {
  const { t } = useTranslation();
  const team = useCall('reminders.teamOverdue', {}, [REMINDERS_TOPIC, 'clock']);
  const rows = team.status === 'ok' ? team.value : [];
  return (
    <section aria-label={t('reminders.team')}>
      <Title order={3} size="h3" mb={4}>
        {t('reminders.team')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reminders.teamNone')}
        </Text>
      ) : (
        <ReminderRows rows={rows} onOpen={onOpen} own={false} />
      )}
    </section>
  );
}
