import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttemptResult, ReplayTurn, RubricVerdict } from '../../../../shared/contract/training';
import { formatDuration, formatTime } from '../../app/format';
import { itemName, noteText, scoreText, whyText, type Translate } from './text';
import classes from './training.module.css';

/**
 * The graded attempt: the score, the rubric with what was met and missed and why (the grader's codes said in the
 * user's language, quoting the trainee's own words), and the attempt replayed turn by turn with the response time
 * against the turn's budget and the grader's notes. Met / missed are said in words as well as in colour.
 */
export function ResultView({ result }: { result: AttemptResult }) {
  const { t, i18n } = useTranslation();
  const tr = t as unknown as Translate;
  const locale = i18n.language;
  const { attempt } = result;
  const points = result.verdicts.reduce((s, v) => s + v.points, 0);
  const max = result.verdicts.reduce((s, v) => s + v.max, 0);
  return (
    <Stack gap="md" component="article" aria-labelledby={`result-${attempt.id}`}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2} id={`result-${attempt.id}`} tabIndex={-1}>
            {t('training.result.title', { title: attempt.scenarioTitle })}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`training.state.${attempt.state}`)} · {formatTime(attempt.startedAt, locale)}
            {attempt.finishedAt !== null && <> · {t('training.result.took', { time: formatDuration(attempt.finishedAt - attempt.startedAt, tr) })}</>}
          </Text>
        </div>
        {attempt.score !== null && (
          <div role="group" aria-label={t('training.result.scoreLabel')}>
            <Text className={classes.score}>{t('training.result.score', { score: scoreText(attempt.score, locale) })}</Text>
            <Text size="xs" c="dimmed">
              {t('training.result.points', { points: scoreText(points, locale), max: scoreText(max, locale) })}
            </Text>
          </div>
        )}
      </Group>
      <Text size="sm">
        {result.chosenCategory === null
          ? t('training.result.categoryNone', { expected: t(`category.${result.expectedCategory}`) })
          : result.chosenCategory === result.expectedCategory
            ? t('training.result.categoryRight', { category: t(`category.${result.chosenCategory}`) })
            : t('training.result.categoryWrong', { chosen: t(`category.${result.chosenCategory}`), expected: t(`category.${result.expectedCategory}`) })}
      </Text>
      <section aria-labelledby={`rubric-${attempt.id}`} className={classes.section}>
        <Title order={3} id={`rubric-${attempt.id}`} mb="xs">
          {t('training.result.rubric')}
        </Title>
        {result.verdicts.length === 0 ? (
          <Text c="dimmed">{t('training.result.noRubric')}</Text>
        ) : (
          <ul className={classes.verdicts} aria-label={t('training.result.rubric')}>
            {result.verdicts.map((v, i) => (
              <Verdict key={`${v.item}-${i}`} verdict={v} t={tr} locale={locale} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`replay-${attempt.id}`} className={classes.section}>
        <Title order={3} id={`replay-${attempt.id}`} mb="xs">
          {t('training.result.replay')}
        </Title>
        {result.turns.length === 0 ? (
          <Text c="dimmed">{t('training.result.noTurns')}</Text>
        ) : (
          <ol className={classes.turns} aria-label={t('training.result.replay')}>
            {result.turns.map((turn, i) => (
              <Turn key={i} n={i + 1} turn={turn} t={tr} locale={locale} />
            ))}
          </ol>
        )}
      </section>
    </Stack>
  );
}

function Verdict({ verdict: v, t, locale }: { verdict: RubricVerdict; t: Translate; locale: string }) {
  const name = itemName(v.item, t);
  return (
    <li className={classes.verdict} data-met={v.met} aria-label={`${name}: ${t(v.met ? 'training.result.met' : 'training.result.missed')}`}>
      <Group gap="xs" wrap="nowrap">
        <span className={v.met ? classes.met : classes.missed}>{t(v.met ? 'training.result.met' : 'training.result.missed')}</span>
        <Text fw={600} size="sm">
          {name}
        </Text>
        <Text size="xs" c="dimmed" ml="auto">
          {t('training.result.points', { points: scoreText(v.points, locale), max: scoreText(v.max, locale) })}
        </Text>
      </Group>
      <Text size="sm">{whyText(v.why, t, locale)}</Text>
      {v.quotes.map((q, i) => (
        <blockquote key={i} className={classes.quote} aria-label={t('training.result.quote')}>
          {t('training.result.quoted', { text: q })}
        </blockquote>
      ))}
    </li>
  );
}

function Turn({ n, turn, t, locale }: { n: number; turn: ReplayTurn; t: Translate; locale: string }) {
  const over = turn.responseMs !== null && turn.responseMs > turn.budgetMs;
  return (
    <li className={classes.turn} aria-label={t('training.result.turn', { n })}>
      <Group gap="xs" mb={4}>
        <Text size="xs" fw={600}>
          {t('training.result.turn', { n })}
        </Text>
        {turn.impatient && (
          <Badge size="xs" variant="light" color="orange" tt="none">
            {t('training.result.impatient')}
          </Badge>
        )}
      </Group>
      <div className={`${classes.bubble} ${classes.customer}`}>
        <Text size="xs" c="dimmed">
          {t('training.result.customerSaid', { time: formatTime(turn.customerAt, locale) })}
        </Text>
        <Text size="sm">{turn.customer}</Text>
      </div>
      {turn.reply === null ? (
        <Text size="sm" className={classes.noReply} mt={4}>
          {t('training.result.noReply')}
        </Text>
      ) : (
        <div className={`${classes.bubble} ${classes.reply}`} style={{ marginTop: 4 }}>
          <Text size="xs" c="dimmed">
            {t('training.result.youSaid', { time: turn.replyAt === null ? '' : formatTime(turn.replyAt, locale) })}
          </Text>
          <Text size="sm">{turn.reply}</Text>
        </div>
      )}
      <Text size="sm" mt={4}>
        {turn.responseMs === null ? (
          t('training.result.budgetOnly', { budget: formatDuration(turn.budgetMs, t) })
        ) : (
          <span className={over ? classes.over : classes.within}>
            {t(over ? 'training.result.overBudget' : 'training.result.withinBudget', { time: formatDuration(turn.responseMs, t), budget: formatDuration(turn.budgetMs, t) })}
          </span>
        )}
      </Text>
      {turn.notes.length > 0 && (
        <ul className={classes.notes} aria-label={t('training.result.notes')}>
          {turn.notes.map((note, i) => (
            <li key={i}>
              <Text size="sm">{noteText(note, t, locale)}</Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
