import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/schema';
import { formatTime } from '../../app/format';
import classes from './Messages.module.css';

/** One message bubble: who wrote it and when, then the words; colours come from the --bubble-* tokens. */
export function MessageItem({ m }: { m: Message }) {
  const { t, i18n } = useTranslation();
  const kind = m.internal ? 'internal' : m.author;
  return (
    <li className={classes.message} data-kind={kind}>
      <Text component="span" size="xs" c="dimmed" className={classes.meta}>
        {m.internal ? t('conversation.internalNote') : t(`conversation.author.${m.author}`)} ·{' '}
        <time dateTime={new Date(m.at).toISOString()}>{formatTime(m.at, i18n.language)}</time>
      </Text>
      <span className={classes.body}>{m.body}</span>
    </li>
  );
}
