import { Button } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/contract/conversation';
import type { Message } from '../../../../shared/schema';
import { EventItem } from './EventItem';
import { readHandover } from './handover';
import { MessageItem } from './MessageItem';
import classes from './Messages.module.css';

type Item = { kind: 'message'; at: number; m: Message } | { kind: 'event'; at: number; e: TimelineEvent };

/**
 * The thread, oldest first: customer, agent, bot, system messages and internal notes look different; changes
 * (status, owner, transfer, category, tags) appear in time order. The customer's own words are always shown; only
 * the bot's turns before the hand-over (`handedOverAt`) are collapsed behind one toggle, and expanding puts them
 * back in place, in time order. `lead` (the hand-over summary) scrolls with the thread, above it.
 */
export function MessageList({
  messages,
  events = [],
  handedOverAt = null,
  label,
  lead,
  canMarkWrong = false,
}: {
  messages: Message[];
  events?: TimelineEvent[];
  handedOverAt?: number | null;
  label?: string;
  lead?: ReactNode;
  /** The viewer may mark bot answers wrong (bot.markWrong): each answer gets the action. */
  canMarkWrong?: boolean;
}) {
  const { t } = useTranslation();
  const end = useRef<HTMLLIElement>(null);
  const [showBot, setShowBot] = useState(false);
  // Only the open conversation follows new messages; an expanded history thread must not scroll the page.
  useEffect(() => void (label === undefined && end.current?.scrollIntoView?.({ block: 'end' })), [messages.length, events.length, label]);
  const { botTurns, botAnswers } = readHandover(messages, handedOverAt);
  // What the bot answered (an FAQ answer, or any turn after the customer's question), not its greeting.
  const answers = new Set(botAnswers);
  const markable = (m: Message) => canMarkWrong && m.author === 'bot' && !m.internal && (m.faqId !== undefined || answers.has(m));
  const hidden = showBot ? new Set<Message>() : new Set(botTurns);
  const items: Item[] = [
    ...messages.filter((m) => !hidden.has(m)).map((m): Item => ({ kind: 'message', at: m.at, m })),
    ...events.map((e): Item => ({ kind: 'event', at: e.at, e })),
  ].sort((a, b) => a.at - b.at);
  return (
    <div className={label === undefined ? classes.scroll : classes.inline}>
      {lead}
      <ol className={classes.thread} aria-label={label ?? t('conversation.thread')}>
        {botTurns.length > 0 && (
          <li className={classes.botToggle}>
            <Button variant="subtle" size="compact-xs" color="gray" aria-expanded={showBot} onClick={() => setShowBot((s) => !s)}>
              {t('conversation.botTranscript', { count: botTurns.length })}
            </Button>
          </li>
        )}
        {items.map((item) => (item.kind === 'message' ? <MessageItem key={item.m.id} m={item.m} markable={markable(item.m)} /> : <EventItem key={item.e.id} e={item.e} />))}
        <li ref={end} aria-hidden="true" className={classes.end} />
      </ol>
    </div>
  );
}
