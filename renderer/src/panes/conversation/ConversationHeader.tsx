import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ConversationDetail } from '../../../../shared/contract/conversation';
import { api } from '../../api/client';
import { Countdown } from '../../app/Countdown';
import { ErrorText } from '../../app/ErrorText';
import { useCall } from '../../api/hooks';
import { DueExplanation } from '../queue/DueExplanation';
import { RemindMe } from '../reminders/RemindMe';
import { RoutingLine } from './RoutingLine';
import { CategoryField } from './CategoryField';
import { StatusActions } from './StatusActions';
import { TagEditor } from './TagEditor';
import { TransferForm } from './TransferForm';
import { mayChange } from '../../../../shared/rules/ownership';
import { useSession } from '../../app/session';
import classes from './ConversationHeader.module.css';

type Result = { ok: true } | { ok: false; error: ContractError };

/** Who and what this conversation is, its SLA state, and the changes an agent makes to it (all checked in the core). */
export function ConversationHeader({ view, onOpen }: { view: ConversationDetail; onOpen?(id: string): void }) {
  const { t } = useTranslation();
  const { conversation: c, customer, owner, linkedTo } = view;
  const [error, setError] = useState<ContractError | null>(null);
  const settings = useCall('settings.get', {}, ['settings']);
  const atRiskMinutes = settings.status === 'ok' ? settings.value.atRiskMinutes : undefined;
  const closed = c.status === 'closed';
  // The core refuses status changes and transfers on a colleague's conversation; the buttons say so up front.
  const { agent } = useSession();
  const mine = mayChange(agent, c);
  const run = async (p: Promise<Result>) => {
    const r = await p;
    setError(r.ok ? null : r.error);
  };

  return (
    <header className={classes.header}>
      <Title order={2} size="h2" className={classes.title}>
        {c.subject}
      </Title>
      <Group gap="xs" className={classes.meta}>
        {customer.tier === 'vip' && (
          <Badge size="sm" radius="sm" className={classes.vip}>
            {t('tier.vip')}
          </Badge>
        )}
        <Text span size="sm">
          {customer.name}
        </Text>
        <Badge variant="default" size="sm" radius="sm">
          {t(`status.${c.status}`)}
        </Badge>
        <Text span size="sm" aria-label={t('conversation.sla')}>
          <Countdown dueAt={c.dueAt} pausedAt={c.dueAt !== null ? c.slaPausedAt : null} atRiskMinutes={atRiskMinutes} />
        </Text>
        {owner && (
          <Text span size="sm" c="dimmed">
            {t('conversation.owner', { name: owner.name })}
          </Text>
        )}
        {c.ownerAway && (
          <Badge color="yellow" variant="light" size="sm" radius="sm">
            {t('conversation.ownerAway')}
          </Badge>
        )}
      </Group>
      <RoutingLine view={view} className={classes.meta} />
      {c.dueAt !== null && <DueExplanation conversationId={c.id} />}
      {linkedTo && (
        <Text size="sm" c="dimmed" className={classes.meta}>
          {t('conversation.linkedTo')}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => onOpen?.(linkedTo.id)}>
            {linkedTo.subject}
          </Anchor>
        </Text>
      )}
      <Group gap="sm" align="flex-end" className={classes.edit}>
        <CategoryField value={c.category} disabled={closed} onChange={(category) => void run(api.call['conversation.setCategory']({ id: c.id, category }))} />
        <TagEditor tags={c.tags} disabled={closed} onChange={(tags) => void run(api.call['conversation.setTags']({ id: c.id, tags }))} />
      </Group>
      {!mine && (
        <Text size="xs" c="dimmed" className={classes.meta}>
          {t('conversation.notMine')}
        </Text>
      )}
      <Group gap="xs" className={classes.actions}>
        <StatusActions status={c.status} disabled={!mine} onSet={(status) => void run(api.call['conversation.setStatus']({ id: c.id, status }))} />
        {!closed && mine && <TransferForm conversationId={c.id} ownerId={c.ownerId} onError={setError} />}
        {!closed && <RemindMe conversationId={c.id} pending={c.status === 'pending'} />}
      </Group>
      {error && <ErrorText error={error} />}
    </header>
  );
}
