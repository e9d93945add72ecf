import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMINDERS_TOPIC } from '../../../../shared/contract/reminders';
import { useCall } from '../../api/hooks';

// Not needed on the first screen: loaded when the agent first opens the view.
const RemindersDialog = lazy(() => import('./RemindersDialog'));

/** Header button: the reminders view, with how many are due or overdue. */
export function RemindersButton({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const mine = useCall('reminders.list', {}, [REMINDERS_TOPIC, 'clock']);
  const waiting = mine.status === 'ok' ? mine.value.filter((r) => r.bucket === 'due' || r.bucket === 'overdue').length : 0;
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)}>
        {waiting ? t('reminders.openWithCount', { count: waiting }) : t('reminders.open')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <RemindersDialog onClose={() => setOpen(false)} onOpen={onOpen} />
        </Suspense>
      )}
    </>
  );
}
