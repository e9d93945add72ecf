import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/schema';
import { formatTime } from '../../app/format';
import { MarkWrong } from './MarkWrong';
import classes from './Messages.module.css';

/**
 * One message bubble: who wrote it and when, then the words; colours come from the --bubble-* tokens. A bot answer
 * an agent may judge (`markable`) carries the "mark as wrong" action under it.
 */
export function MessageItem({ m, markable = false }: { m: Message; markable?: boolean }) {
  const { t, i18n } = useTranslation();
  const kind = m.internal ? 'internal' : m.author;
  return (
    <li className={classes.message} data-kind={kind}>
      <Text component="span" size="xs" c="dimmed" className={classes.meta}>
        {m.internal ? t('conversation.internalNote') : t(`conversation.author.${m.author}`)} ·{' '}
        <time dateTime={new Date(m.at).toISOString()}>{formatTime(m.at, i18n.language)}</time>
      </Text>
      <span className={classes.body}>{m.body}</span>
      {markable && (
        <span className={classes.actions}>
          <MarkWrong messageId={m.id} />
        </span>
      )}
    </li>
  );
}
