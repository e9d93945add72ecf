import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/contract/conversation';
import { formatTime } from '../../app/format';
import classes from './Messages.module.css';

/** A change in the timeline. Values that are enum codes (status, category) are shown translated; names and tags as they are. */
export function EventItem({ e }: { e: TimelineEvent }) {
  const { t, i18n } = useTranslation();
  const value = (v: string | null) => {
    if (v === null || v === '') return t('conversation.events.none');
    if (e.action === 'conversation.status' || e.action === 'conversation.reopened' || e.action === 'conversation.resumed') return t(`status.${v}`, { defaultValue: v });
    if (e.action === 'conversation.category') return t(`category.${v}`, { defaultValue: v });
    if (e.action === 'conversation.handOver') return t(`conversation.handover.reasons.${v}`, { defaultValue: v });
    if (v === 'owner_away') return t('conversation.ownerAway');
    return v;
  };
  // Routing that found nobody records no agent: that reads as its own sentence, not "given to none".
  const waited = e.action === 'conversation.routed' && (e.after === null || e.after === '');
  const key = waited ? 'conversation.events.routedWaiting' : `conversation.events.${e.action.replace('conversation.', '')}`;
  return (
    <li className={classes.event}>
      <Text component="span" size="xs" c="dimmed">
        <time dateTime={new Date(e.at).toISOString()}>{formatTime(e.at, i18n.language)}</time>{' '}
        {t(key, { actor: e.actorName === 'system' ? t('conversation.author.system') : e.actorName, before: value(e.before), after: value(e.after), defaultValue: `${e.action}: ${value(e.before)} → ${value(e.after)}` })}
        {e.note && <span> — {e.note}</span>}
      </Text>
    </li>
  );
}
