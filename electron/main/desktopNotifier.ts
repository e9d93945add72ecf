import type { Locale, Notice } from '../../shared/schema';
import { noticeTitle } from '../../shared/rules/noticeTitles';

/** Electron's Notification, as an interface so the logic is tested without Electron. */
export interface NotificationSink {
  show(content: { title: string; body: string }, onClick: () => void): void;
}

export interface DesktopNotifierDeps {
  /** The signed-in agent's notices (null when the core refused). */
  listNotices(): Promise<Notice[] | null>;
  locale(): Promise<Locale>;
  sink: NotificationSink;
  /** Bring the window forward and open the conversation. */
  openConversation(conversationId: string): void;
}

/**
 * Desktop notifications in the app: each notice raised while the app runs becomes one native notification whose
 * click opens its conversation. Notices already there at start (the first look) are not shown again.
 */
export function createDesktopNotifier(deps: DesktopNotifierDeps) {
  let seen: Set<string> | null = null;
  let chain: Promise<void> = Promise.resolve();

  const check = async () => {
    const list = await deps.listNotices().catch(() => null);
    if (!list) return;
    if (seen === null) {
      seen = new Set(list.map((n) => n.id));
      return;
    }
    const fresh = list.filter((n) => !seen!.has(n.id));
    if (fresh.length === 0) return;
    const locale = await deps.locale().catch((): Locale => 'zh-CN');
    for (const n of fresh) {
      seen.add(n.id);
      deps.sink.show({ title: noticeTitle(locale, n), body: n.detail }, () => {
        if (n.conversationId) deps.openConversation(n.conversationId);
      });
    }
  };

  return {
    /** Look for new notices; calls are serialised so a burst of change events shows each notice once. */
    update(): Promise<void> {
      chain = chain.then(check);
      return chain;
    },
  };
}
