import { Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import type { ScenarioSummary } from '../../../../shared/contract/training';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { RowList, Section } from './RowList';
import { itemName, scoreText } from './text';
import { setTrainingView } from './trainingView';
import classes from './training.module.css';

// ECharts is ~300 KB gzip: loaded with the chart, never with the first screen (a trainee's first screen is this home).
const ScoreChart = lazy(() => import('./ScoreChart').then((m) => ({ default: m.ScoreChart })));

type Home = Output<'training.home'>;

/**
 * One's own training: what to practise next, the assigned scenarios (overdue marked in words and colour), the
 * library, past attempts (each opens its result), scores over time and the rubric items missed most.
 */
export function MyTraining() {
  const { t } = useTranslation();
  const home = useCall('training.home', {}, ['training', 'clock']);
  const client = useQueryClient();
  const [error, setError] = useState<ContractError | null>(null);
  const [starting, setStarting] = useState<string | null>(null);

  const start = async (scenarioId: string) => {
    setStarting(scenarioId);
    const r = await api.call['training.start']({ scenarioId });
    setStarting(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    setTrainingView({ attemptId: null });
    // The app switches to the workspace in training as soon as it sees the practice.
    await client.invalidateQueries({ queryKey: ['training.current'] });
  };

  if (home.status === 'error') return <ErrorText error={home.error} />;
  if (home.status !== 'ok') return <Text className="loading">{t('app.loading')}</Text>;
  const h = home.value;
  const titles = new Map(h.library.map((s) => [s.id, s.title]));
  const startButton = (s: { id: string; title: string }, primary = false) => (
    <Button size="xs" variant={primary ? 'filled' : 'default'} loading={starting === s.id} disabled={starting !== null && starting !== s.id} onClick={() => void start(s.id)} aria-label={t('training.home.startNamed', { title: s.title })}>
      {t('training.home.start')}
    </Button>
  );

  return (
    <Stack gap="md">
      {error && <ErrorText error={error} />}
      <Suggestion home={h} titles={titles} startButton={startButton} />
      <Assignments home={h} startButton={startButton} />
      <section className={classes.section} aria-labelledby="training-progress">
        <Title order={3} id="training-progress" mb="xs">
          {t('training.home.scores')}
        </Title>
        <Suspense fallback={null}>
          <ScoreChart attempts={h.attempts} />
        </Suspense>
        <Weakest weakest={h.weakest} />
      </section>
      <Library library={h.library} startButton={startButton} />
      <Attempts home={h} />
    </Stack>
  );
}

type StartButton = (s: { id: string; title: string }, primary?: boolean) => ReactNode;

function Suggestion({ home, titles, startButton }: { home: Home; titles: Map<string, string>; startButton: StartButton }) {
  const { t } = useTranslation();
  const s = home.suggestion;
  if (!s) return null;
  const title = titles.get(s.scenarioId) ?? home.assignments.find((a) => a.scenarioId === s.scenarioId)?.scenarioTitle ?? s.scenarioId;
  return (
    <section className={classes.section} aria-labelledby="training-next">
      <Title order={3} id="training-next">
        {t('training.home.next')}
      </Title>
      <Group justify="space-between" wrap="nowrap" mt={4}>
        <div>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {t(`training.reason.${s.reason}`, { item: s.item ? itemName(s.item, t as never) : '' })}
          </Text>
        </div>
        {startButton({ id: s.scenarioId, title }, true)}
      </Group>
    </section>
  );
}

function Assignments({ home, startButton }: { home: Home; startButton: StartButton }) {
  const { t, i18n } = useTranslation();
  return (
    <section className={classes.section} aria-labelledby="training-assigned">
      <Title order={3} id="training-assigned" mb="xs">
        {t('training.home.assigned')}
      </Title>
      {home.assignments.length === 0 ? (
        <Text c="dimmed">{t('training.home.noAssignments')}</Text>
      ) : (
        <div className={classes.tableWrap}>
          <Table verticalSpacing={4} fz="sm" aria-labelledby="training-assigned">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('training.home.scenario')}</Table.Th>
                <Table.Th scope="col">{t('training.home.due')}</Table.Th>
                <Table.Th scope="col">{t('training.home.status')}</Table.Th>
                <Table.Th scope="col">{t('training.home.best')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('training.home.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {home.assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    {a.scenarioTitle}
                  </Table.Th>
                  <Table.Td>{formatTime(a.dueAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {a.done ? (
                      <Badge variant="light" color="teal" tt="none">
                        {t('training.home.done')}
                      </Badge>
                    ) : a.overdue ? (
                      <span className={classes.overdue}>{t('training.home.overdue')}</span>
                    ) : (
                      t('training.home.open')
                    )}
                  </Table.Td>
                  <Table.Td>{a.bestScore === null ? '—' : scoreText(a.bestScore, i18n.language)}</Table.Td>
                  <Table.Td>{startButton({ id: a.scenarioId, title: a.scenarioTitle })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}

function Library({ library, startButton }: { library: ScenarioSummary[]; startButton: StartButton }) {
  const { t } = useTranslation();
  const rows = library.map((s) => ({
    key: s.id,
    title: s.title,
    detail: [t(`category.${s.category}`), t(`app.languages.${s.locale}`), t(`training.difficulty.${s.difficulty}`), ...s.tags.map((tag) => t(`training.tag.${tag}`, { defaultValue: tag }))].join(' · '),
    action: startButton(s),
  }));
  return (
    <Section id="training-library" title={t('training.home.library')}>
      <RowList labelledBy="training-library" empty={t('training.home.noScenarios')} rows={rows} />
    </Section>
  );
}

function Attempts({ home }: { home: Home }) {
  const { t, i18n } = useTranslation();
  const rows = [...home.attempts]
    .sort((a, b) => b.startedAt - a.startedAt)
    .map((a) => ({
      key: a.id,
      title: a.scenarioTitle,
      detail: (
        <>
          {formatTime(a.startedAt, i18n.language)} · {t(`training.state.${a.state}`)}
          {a.score !== null && <> · {t('training.result.score', { score: scoreText(a.score, i18n.language) })}</>}
        </>
      ),
      action:
        a.state !== 'in_progress' ? (
          <Button size="xs" variant="default" onClick={() => setTrainingView({ attemptId: a.id })} aria-label={t('training.home.openResultNamed', { title: a.scenarioTitle, time: formatTime(a.startedAt, i18n.language) })}>
            {t('training.home.openResult')}
          </Button>
        ) : null,
    }));
  return (
    <Section id="training-attempts" title={t('training.home.attempts')}>
      <RowList labelledBy="training-attempts" empty={t('training.home.noAttempts')} rows={rows} />
    </Section>
  );
}

function Weakest({ weakest }: { weakest: Home['weakest'] }) {
  const { t, i18n } = useTranslation();
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div>
      <Title order={4} size="h3" mt="sm" mb={4} id="training-weakest">
        {t('training.home.weakest')}
      </Title>
      {weakest.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.home.noWeakest')}
        </Text>
      ) : (
        <ol aria-labelledby="training-weakest" style={{ margin: 0, paddingInlineStart: 20 }}>
          {weakest.map((w) => (
            <li key={w.item}>
              <Text size="sm">{t('training.home.weakItem', { item: itemName(w.item, t as never), rate: pct.format(w.missRate), count: w.attempts })}</Text>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
