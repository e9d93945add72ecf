import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topic } from '../../../../shared/contract';
import type { Notice } from '../../../../shared/schema';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { desktopNotify } from './desktopNotify';
import { Modal } from '../../panes/canned/Modal';

/** At most this many notices show as toasts; the rest wait in the notice centre. */
const TOASTS = 3;

/**
 * In-app notices (at risk, breached, escalated, reminders) with Open and Dismiss; each new one also raises a
 * desktop notification whose click opens the conversation. Notices already there when the page loaded do not
 * notify again. The newest three show in the layout (never over the reply box or a pane's controls); "show all"
 * opens the notice centre with every one. A group reads as words ("20 条会话已超时").
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
      desktopNotify(title(n), n.detail, () => n.conversationId && onOpen(n.conversationId));
    }
  }, [list, notices.status, onOpen, t]);

  const [centre, setCentre] = useState(false);
  const title = (n: Notice) => (n.count > 1 ? t(`notices.group.${n.kind}`, { count: n.count }) : t(`notices.kind.${n.kind}`));
  const open = (n: Notice) => {
    if (n.conversationId) onOpen(n.conversationId);
    void api.call['notices.dismiss']({ id: n.id });
  };

  const item = (n: Notice) => (
    <div key={n.id} className={`notice ${n.kind}`} role="status">
      <strong>{title(n)}</strong>
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
  );

  return (
    <section className="notices" aria-label={t('notices.region')} aria-live="polite">
      {list.slice(0, TOASTS).map(item)}
      {list.length > TOASTS && (
        <button type="button" className="notice-more" onClick={() => setCentre(true)}>
          {t('notices.showAll', { count: list.length })}
        </button>
      )}
      {centre && (
        <Modal title={t('notices.centre')} onClose={() => setCentre(false)} className="notice-centre">
          {list.length === 0 ? <p>{t('notices.none')}</p> : <div className="notice-list">{list.map(item)}</div>}
          <button type="button" onClick={() => setCentre(false)}>
            {t('notices.close')}
          </button>
        </Modal>
      )}
    </section>
  );
}
