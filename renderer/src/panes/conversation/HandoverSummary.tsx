import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../../shared/contract/conversation';
import { handedOverAt, readHandover } from './handover';
import classes from './HandoverSummary.module.css';

/**
 * What an agent needs before reading the thread: the category, the customer's question in their own words, what
 * the bot tried, its category guess and confidence, and why it reached a person when that is known. Nothing for a
 * conversation the bot still has.
 */
export function HandoverSummary({ view }: { view: ConversationDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const c = view.conversation;
  const at = handedOverAt(c);
  if (at === null) return null;
  const h = readHandover(view.messages, at, c);
  // The bot's own record of the hand-over (issue 11); conversations handed over before it have none.
  const handOver = c.handOver;
  return (
    <Paper component="section" withBorder p="sm" radius="md" className={classes.summary} aria-labelledby={headingId}>
      <Title order={3} id={headingId} size="h3">
        {t('conversation.handover.title')}
      </Title>
      <dl className={classes.facts}>
        <dt>{t('conversation.category')}</dt>
        <dd>
          <Group gap="xs">
            <span>{t(`category.${c.category}`)}</span>
            {c.severity === 'severe' && (
              <Badge color="red" variant="light" size="sm">
                {t('conversation.handover.severe')}
              </Badge>
            )}
          </Group>
        </dd>
        <dt>{t('conversation.handover.question')}</dt>
        <dd>{h.question ? <blockquote className={classes.quote}>{h.question.body}</blockquote> : <Text c="dimmed" size="sm">{t('conversation.handover.noQuestion')}</Text>}</dd>
        <dt>{t('conversation.handover.botTried')}</dt>
        <dd>
          {h.botAnswers.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('conversation.handover.botNothing')}
            </Text>
          ) : (
            <ul className={classes.answers}>
              {h.botAnswers.map((m) => (
                <li key={m.id}>
                  <Text size="sm" lineClamp={2} title={m.body}>
                    {m.body}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {handOver && (
          <>
            <dt>{t('conversation.handover.guess')}</dt>
            <dd>
              {handOver.categoryGuess === null ? (
                <Text c="dimmed" size="sm">
                  {t('conversation.handover.guessNone')}
                </Text>
              ) : (
                t('conversation.handover.guessValue', {
                  category: t(`category.${handOver.categoryGuess}`),
                  confidence: Math.round((handOver.confidence ?? 0) * 100),
                })
              )}
            </dd>
          </>
        )}
        {(handOver || h.escalated || h.lastWords) && (
          <>
            <dt>{t('conversation.handover.reason')}</dt>
            <dd>
              {handOver && <Text size="sm">{t(`conversation.handover.reasons.${handOver.reason}`)}</Text>}
              {h.escalated && <Text size="sm">{t('conversation.handover.escalated')}</Text>}
              {h.lastWords && <Text size="sm">{t('conversation.handover.lastWords', { words: h.lastWords.body })}</Text>}
            </dd>
          </>
        )}
      </dl>
    </Paper>
  );
}
