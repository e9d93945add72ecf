import { Anchor, Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { AgentLoad } from '../../../../shared/contract/routing';
import type { Conversation } from '../../../../shared/schema/conversation';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';
import { openConversationId } from './openConversation';

/**
 * A lead hands a conversation to another agent by hand (routing.reroute; the core checks and audits it). The
 * conversation comes from its id or the one open in the workspace; a refusal ("no longer being worked on", "a
 * trainee") is said in words.
 */
export function RerouteForm({ agents, onOpen }: { agents: AgentLoad[]; onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const { agent: me } = useSession();
  const open = openConversationId(me.id);
  const [id, setId] = useState(open ?? '');
  const [toAgentId, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<{ conversation: Conversation; name: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const r = await api.call['routing.reroute']({ id: id.trim(), toAgentId, ...(note.trim() ? { note: note.trim() } : {}) });
    if (!r.ok) return setError(r.error);
    setError(null);
    setNote('');
    setDone({ conversation: r.value, name: agents.find((a) => a.id === toAgentId)?.name ?? toAgentId });
  };
  const title = t('intakeAdmin.reroute.title');
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Group gap="sm" align="flex-end">
          <TextInput label={t('intakeAdmin.reroute.conversation')} value={id} onChange={(e) => setId(e.currentTarget.value)} />
          {open && open !== id && (
            <Button variant="default" onClick={() => setId(open)}>
              {t('intakeAdmin.reroute.useOpen')}
            </Button>
          )}
          <NativeSelect
            label={t('intakeAdmin.reroute.agent')}
            value={toAgentId}
            onChange={(e) => setTo(e.currentTarget.value)}
            data={[
              { value: '', label: t('intakeAdmin.reroute.chooseAgent') },
              ...agents.map((a) => ({
                value: a.id,
                label: t('intakeAdmin.reroute.agentOption', { name: a.name, load: a.load, capacity: a.capacity, presence: t(`intakeAdmin.loads.presenceWords.${a.presence}`) }),
              })),
            ]}
          />
        </Group>
        <TextInput label={t('intakeAdmin.reroute.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {error && <ErrorText error={error} />}
        {done && (
          <Group gap="xs" role="status">
            <span>{t('intakeAdmin.reroute.done', { subject: done.conversation.subject, name: done.name })}</span>
            {onOpen && (
              <Anchor component="button" type="button" c="var(--link)" onClick={() => onOpen(done.conversation.id)}>
                {t('intakeAdmin.reroute.openIt')}
              </Anchor>
            )}
          </Group>
        )}
        <Group>
          <Button type="submit">{t('intakeAdmin.reroute.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
