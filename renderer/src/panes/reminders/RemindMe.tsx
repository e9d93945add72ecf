import { Button, Checkbox, Group, Input, Popover, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { REMINDERS_TOPIC, type ReminderWhen } from '../../../../shared/contract/reminders';
import { REMINDER_PRESETS, type ReminderPreset } from '../../../../shared/rules/reminderPresets';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';

/** A datetime-local value is read as Shanghai time, like every time the app shows. */
const fromLocalInput = (v: string) => Date.parse(`${v}:00+08:00`);

/**
 * "Remind me" on a conversation: a preset or a chosen time, a note, and (for a conversation waiting for the
 * customer) the choice to hide it from the queue until then. The form sits in a popover under its button.
 */
export function RemindMe({ conversationId, pending = false }: { conversationId: string; pending?: boolean }) {
  const { t, i18n } = useTranslation();
  const mine = useCall('reminders.list', { conversationId }, [REMINDERS_TOPIC]);
  const atId = useId();
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<ReminderPreset | 'custom'>('in_1_hour');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [snooze, setSnooze] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const active = mine.status === 'ok' ? mine.value.filter((r) => r.status !== 'done') : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const when: ReminderWhen = preset === 'custom' ? { at: fromLocalInput(at) } : { preset };
    const r = await api.call['reminders.create']({ conversationId, when, note, snooze: pending && snooze });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDone(r.value.dueAt);
    setOpen(false);
    setNote('');
  };

  return (
    <Group gap="xs" wrap="wrap">
      <Popover opened={open} onChange={setOpen} position="bottom-start" width={320} trapFocus returnFocus withArrow shadow="md">
        <Popover.Target>
          <Button variant="default" size="xs" aria-label={t('reminders.remindMeLabel')} onClick={() => setOpen((o) => !o)}>
            {t('reminders.remindMe')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form onSubmit={submit} aria-label={t('reminders.remindMeLabel')}>
            <Stack gap="xs">
              <Radio.Group label={t('reminders.when')} value={preset} onChange={(v) => setPreset(v as ReminderPreset | 'custom')}>
                <Stack gap={4} mt={4}>
                  {[...REMINDER_PRESETS, 'custom' as const].map((p) => (
                    <Radio key={p} size="xs" value={p} label={t(`reminders.presets.${p}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              {preset === 'custom' && (
                // No Mantine date picker here: the platform's datetime-local field, in a Mantine-styled input.
                <Input.Wrapper label={t('reminders.at')} labelProps={{ htmlFor: atId }} size="xs">
                  <Input id={atId} component="input" type="datetime-local" size="xs" required value={at} onChange={(e: ChangeEvent<HTMLInputElement>) => setAt(e.currentTarget.value)} />
                </Input.Wrapper>
              )}
              <TextInput size="xs" label={t('reminders.note')} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              {pending && <Checkbox size="xs" checked={snooze} onChange={(e) => setSnooze(e.currentTarget.checked)} label={t('reminders.snooze')} />}
              {error && <ErrorText error={error} />}
              <Group gap="xs" justify="flex-end">
                <Button variant="default" size="xs" onClick={() => setOpen(false)}>
                  {t('reminders.cancel')}
                </Button>
                <Button type="submit" size="xs">
                  {t('reminders.set')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
      {active.length > 0 && (
        <Text span size="xs" c="dimmed">
          {t('reminders.onThis', { count: active.length })}
        </Text>
      )}
      {done !== null && !open && (
        <Text span size="xs" c="dimmed" role="status">
          {t('reminders.setDone', { time: formatTime(done, i18n.language) })}
        </Text>
      )}
    </Group>
  );
}
