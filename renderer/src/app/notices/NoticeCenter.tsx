import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import type { Notice } from '../../../../shared/schema';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { desktopNotify } from './desktopNotify';

/**
 * In-app notices (at risk, breached, escalated, reminders) with Open and Dismiss; each new one also raises a
 * desktop notification whose click opens the conversation. Notices already there when the page loaded do not
 * notify again.
 */
export function NoticeCenter({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const notices = useCall('notices.list', {}, [topic.notices]);
  const seen = useRef<Set<string> | null>(null);
  const list = notices.status === 'ok' ? notices.value : [];

  useEffect(() => {
    if (notices.status !== 'ok') return;
    if (seen.current === null) {
      seen.current = new Set(list.map((n) => n.id));
      return;
    }
    for (const n of list) {
      if (seen.current.has(n.id)) continue;
      seen.current.add(n.id);
      desktopNotify(t(`notices.kind.${n.kind}`), n.detail, () => n.conversationId && onOpen(n.conversationId));
    }
  }, [list, notices.status, onOpen, t]);

  const open = (n: Notice) => {
    if (n.conversationId) onOpen(n.conversationId);
    void api.call['notices.dismiss']({ id: n.id });
  };

  return (
    <section className="notices" aria-label={t('notices.region')} aria-live="polite">
      {list.slice(0, 4).map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role="status">
          <strong>{t(`notices.kind.${n.kind}`)}</strong>
          {n.late && <span className="late">{t('notices.late')}</span>}
          <span className="notice-detail">{n.detail}</span>
          <span className="notice-actions">
            {n.conversationId && (
              <button type="button" onClick={() => open(n)} aria-label={t('notices.openLabel', { detail: n.detail })}>
                {t('notices.open')}
              </button>
            )}
            <button type="button" onClick={() => void api.call['notices.dismiss']({ id: n.id })} aria-label={t('notices.dismissLabel', { detail: n.detail })}>
              {t('notices.dismiss')}
            </button>
          </span>
        </div>
      ))}
      {list.length > 4 && <p className="notice-more">{t('notices.more', { count: list.length - 4 })}</p>}
    </section>
  );
}
