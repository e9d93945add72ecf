import { Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../../shared/schema/common';
import type { AgentLoad } from '../../../../shared/contract/routing';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import classes from './intakeAdmin.module.css';
import { RerouteForm } from './RerouteForm';

/** Each agent's presence, load against capacity, skills, languages and VIP skill; and a re-route by hand below. */
export function LoadsTab({ onOpen }: { onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  // Loads move with the queue (assignments, closes) and with profiles (presence, capacity).
  const loads = useCall('routing.loads', {}, ['queue', 'profiles']);
  if (loads.status === 'error') return <ErrorText error={loads.error} />;
  if (loads.status !== 'ok') return null;
  const { agents, waiting } = loads.value;
  return (
    <Stack gap="md">
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('intakeAdmin.loads.agent')}</Table.Th>
            <Table.Th scope="col">{t('intakeAdmin.loads.presence')}</Table.Th>
            <Table.Th scope="col">{t('intakeAdmin.loads.load')}</Table.Th>
            <Table.Th scope="col">{t('intakeAdmin.loads.skills')}</Table.Th>
            <Table.Th scope="col">{t('intakeAdmin.loads.languages')}</Table.Th>
            <Table.Th scope="col">{t('intakeAdmin.loads.vip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row">{a.name}</Table.Th>
              <Table.Td>{t(`intakeAdmin.loads.presenceWords.${a.presence}`)}</Table.Td>
              <Table.Td>
                <span className={a.load >= a.capacity ? classes.full : undefined}>{t('intakeAdmin.loads.loadValue', { load: a.load, capacity: a.capacity })}</span>
              </Table.Td>
              <Table.Td>{skillsOf(a, t)}</Table.Td>
              <Table.Td>{a.languages.map((l) => t(`app.languages.${l}`)).join(', ')}</Table.Td>
              <Table.Td>{a.vipSkill ? t('intakeAdmin.loads.yes') : t('intakeAdmin.loads.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" role="status">
        {t('intakeAdmin.loads.waiting', { count: waiting })}
      </Text>
      <RerouteForm agents={agents} onOpen={onOpen} />
    </Stack>
  );
}

/** "Payment 5, Account 3": the agent's skills, strongest first, in the categories' words. */
function skillsOf(a: AgentLoad, t: TFunction): string {
  return CATEGORIES.filter((c) => (a.skills[c] ?? 0) > 0)
    .sort((x, y) => (a.skills[y] ?? 0) - (a.skills[x] ?? 0))
    .map((c) => t('intakeAdmin.loads.skillLevel', { category: t(`category.${c}`), level: a.skills[c] }))
    .join(', ');
}
