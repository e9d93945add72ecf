import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { useNow } from '../../app/session';
import { scoreText } from './text';
import { setTrainingView } from './trainingView';
import classes from './training.module.css';

type Progress = Output<'training.progress'>;

/** A datetime-local value is read as Shanghai time, like every time the app shows (as reminders do). */
const fromLocalInput = (v: string) => Date.parse(`${v}:00+08:00`);
/** The datetime-local value of an instant, in Shanghai time. */
const toLocalInput = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 16);

/**
 * The lead's view of the team's training: everyone's progress (assigned, done, overdue, average score, last
 * attempt), the attempts of late (each opens its result, in progress ones say so), and assigning a scenario to
 * people with a due date.
 */
export default function TeamTraining() {
  const { t } = useTranslation();
  const progress = useCall('training.progress', {}, ['training', 'profiles', 'clock']);
  const home = useCall('training.home', {}, ['training']);
  if (progress.status === 'error') return <ErrorText error={progress.error} />;
  if (home.status === 'error') return <ErrorText error={home.error} />;
  if (progress.status !== 'ok' || home.status !== 'ok') return <Text className="loading">{t('app.loading')}</Text>;
  return (
    <Stack gap="md">
      <PeopleTable progress={progress.value} />
      <AssignForm people={progress.value.people} scenarios={home.value.library} />
      <Recent progress={progress.value} />
    </Stack>
  );
}

function PeopleTable({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <section className={classes.section} aria-labelledby="team-progress">
      <Title order={3} id="team-progress" mb="xs">
        {t('training.team.progress')}
      </Title>
      <div className={classes.tableWrap}>
        <Table verticalSpacing={4} fz="sm" striped aria-labelledby="team-progress">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('training.team.person')}</Table.Th>
              <Table.Th scope="col">{t('training.team.role')}</Table.Th>
              <Table.Th scope="col">{t('training.team.assigned')}</Table.Th>
              <Table.Th scope="col">{t('training.team.done')}</Table.Th>
              <Table.Th scope="col">{t('training.team.overdue')}</Table.Th>
              <Table.Th scope="col">{t('training.team.attempts')}</Table.Th>
              <Table.Th scope="col">{t('training.team.average')}</Table.Th>
              <Table.Th scope="col">{t('training.team.last')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.people.map((p) => (
              <Table.Tr key={p.agentId}>
                <Table.Th scope="row" fw={500}>
                  {p.name}
                </Table.Th>
                <Table.Td>{t(`app.roles.${p.role}`)}</Table.Td>
                <Table.Td>{p.assigned}</Table.Td>
                <Table.Td>{p.done}</Table.Td>
                <Table.Td>{p.overdue > 0 ? <span className={classes.overdue}>{t('training.team.overdueCount', { count: p.overdue })}</span> : 0}</Table.Td>
                <Table.Td>{p.attempts}</Table.Td>
                <Table.Td>{p.averageScore === null ? '—' : scoreText(p.averageScore, locale)}</Table.Td>
                <Table.Td>{p.lastAttemptAt === null ? '—' : formatTime(p.lastAttemptAt, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

function Recent({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const names = new Map(progress.people.map((p) => [p.agentId, p.name]));
  const overdue = progress.assignments.filter((a) => a.overdue);
  return (
    <section className={classes.section} aria-labelledby="team-recent">
      <Title order={3} id="team-recent" mb="xs">
        {t('training.team.recent')}
      </Title>
      {overdue.length > 0 && (
        <Text size="sm" mb="xs">
          <span className={classes.overdue}>{t('training.team.overdueList', { count: overdue.length })}</span>{' '}
          {overdue.map((a) => t('training.team.overdueItem', { name: names.get(a.agentId) ?? a.agentId, title: a.scenarioTitle, due: formatTime(a.dueAt, locale) })).join(t('training.home.listSeparator'))}
        </Text>
      )}
      {progress.recent.length === 0 ? (
        <Text c="dimmed">{t('training.team.noRecent')}</Text>
      ) : (
        <ul className={classes.verdicts} aria-labelledby="team-recent">
          {progress.recent.map((a) => (
            <li key={a.id}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">
                  {t('training.team.attemptLine', { name: names.get(a.agentId) ?? a.agentId, title: a.scenarioTitle, time: formatTime(a.startedAt, locale) })} · {t(`training.state.${a.state}`)}
                  {a.score !== null && <> · {t('training.result.score', { score: scoreText(a.score, locale) })}</>}
                </Text>
                {a.state !== 'in_progress' && (
                  <Button size="xs" variant="default" onClick={() => setTrainingView({ attemptId: a.id })} aria-label={t('training.team.openAttempt', { name: names.get(a.agentId) ?? a.agentId, title: a.scenarioTitle })}>
                    {t('training.home.openResult')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AssignForm({ people, scenarios }: { people: Progress['people']; scenarios: Output<'training.home'>['library'] }) {
  const { t } = useTranslation();
  const now = useNow();
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? '');
  const [agentIds, setAgentIds] = useState<string[]>([]);
  const [due, setDue] = useState(() => toLocalInput(now + 7 * 86_400_000));
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.call['training.assign']({ scenarioId, agentIds, dueAt: fromLocalInput(due) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDone(r.value.assignments.length);
    setAgentIds([]);
  };

  return (
    <section className={classes.section} aria-labelledby="team-assign">
      <Title order={3} id="team-assign" mb="xs">
        {t('training.assign.title')}
      </Title>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="team-assign">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <NativeSelect label={t('training.assign.scenario')} value={scenarioId} onChange={(e) => setScenarioId(e.currentTarget.value)} data={scenarios.map((s) => ({ value: s.id, label: s.title }))} miw={280} />
            {/* The platform's datetime-local field (no Mantine date picker), labelled by TextInput itself. */}
            <TextInput label={t('training.assign.due')} type="datetime-local" required value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          </Group>
          <Checkbox.Group label={t('training.assign.people')} value={agentIds} onChange={setAgentIds}>
            <Group gap="md" mt={4}>
              {people.map((p) => (
                <Checkbox key={p.agentId} value={p.agentId} label={`${p.name} · ${t(`app.roles.${p.role}`)}`} />
              ))}
            </Group>
          </Checkbox.Group>
          {error && <ErrorText error={error} />}
          {done !== null && (
            <Text role="status" size="sm">
              {t('training.assign.done', { count: done })}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={busy} disabled={agentIds.length === 0 || !scenarioId || !due}>
              {t('training.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
