import { Button } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import { useCall } from '../../api/hooks';
import { desktopNotify } from './desktopNotify';
import classes from './NoticeCenter.module.css';
import { NoticeItem } from './NoticeItem';
import { noticeTitle } from './noticeTitle';

/** At most this many notices show in the stack; the rest wait in the notice centre. */
export const STACK_SIZE = 3;

const NoticeCentreDialog = lazy(() => import('./NoticeCentreDialog'));

/**
 * In-app notices (at risk, breached, escalated, reminders) with Open and Dismiss; each new one also raises a
 * desktop notification whose click opens the conversation. Notices already there when the page loaded do not
 * notify again. The newest three show in the layout, in the flow of their pane and never floating over the reply
 * box or any pane's controls; "show all N" opens the notice centre with every one. A group reads as words.
 */
export function NoticeCenter({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const notices = useCall('notices.list', {}, [topic.notices]);
  const seen = useRef<Set<string> | null>(null);
  const list = notices.status === 'ok' ? notices.value : [];
  const [centre, setCentre] = useState(false);

  useEffect(() => {
    if (notices.status !== 'ok') return;
    if (seen.current === null) {
      seen.current = new Set(list.map((n) => n.id));
      return;
    }
    for (const n of list) {
      if (seen.current.has(n.id)) continue;
      seen.current.add(n.id);
      desktopNotify(noticeTitle(n, t), n.detail, () => n.conversationId && onOpen(n.conversationId));
    }
  }, [list, notices.status, onOpen, t]);

  return (
    <section className={classes.stack} aria-label={t('notices.region')} aria-live="polite">
      {list.slice(0, STACK_SIZE).map((n) => (
        <NoticeItem key={n.id} notice={n} onOpen={onOpen} />
      ))}
      {list.length > STACK_SIZE && (
        <Button size="compact-xs" variant="subtle" className={classes.more} onClick={() => setCentre(true)}>
          {t('notices.showAll', { count: list.length })}
        </Button>
      )}
      {centre && (
        <Suspense fallback={null}>
          <NoticeCentreDialog notices={list} onOpen={onOpen} onClose={() => setCentre(false)} />
        </Suspense>
      )}
    </section>
  );
}
