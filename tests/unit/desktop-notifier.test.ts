import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDesktopNotifier } from '../../electron/main/desktopNotifier';
import { NOTICE_TITLES, noticeTitle } from '../../shared/rules/noticeTitles';
import { conversationToOpen, topic } from '../../shared/contract';
import type { Locale, Notice } from '../../shared/schema';

const notice = (id: string, kind: Notice['kind'], conversationId: string | null = 'c-1'): Notice => ({
  id,
  kind,
  conversationId,
  recipientId: 'a-1',
  recipientRole: null,
  at: 1,
  detail: `detail ${id}`,
  late: false,
  count: 1,
  dismissedBy: [],
});

function setup(locale: Locale = 'zh-CN') {
  let list: Notice[] = [];
  const shown: { title: string; body: string; click: () => void }[] = [];
  const opened: string[] = [];
  const notifier = createDesktopNotifier({
    listNotices: async () => list,
    locale: async () => locale,
    sink: { show: (c, click) => shown.push({ ...c, click }) },
    openConversation: (id) => opened.push(id),
  });
  return { notifier, shown, opened, set: (l: Notice[]) => (list = l) };
}

describe('desktop notifications in the app (main process)', () => {
  it('shows each new notice once, in the agent’s language, and a click opens its conversation', async () => {
    const { notifier, shown, opened, set } = setup('zh-CN');
    set([notice('n-old', 'breached')]);
    await notifier.update(); // the first look: what was already there is not shown again
    expect(shown).toEqual([]);
    set([notice('n-new', 'at_risk', 'c-42'), notice('n-old', 'breached')]);
    await Promise.all([notifier.update(), notifier.update()]); // a burst of change events
    expect(shown.map((s) => [s.title, s.body])).toEqual([['即将超时', 'detail n-new']]);
    shown[0].click();
    expect(opened).toEqual(['c-42']);
  });

  it('uses English titles for an English-speaking agent', async () => {
    const { notifier, shown, set } = setup('en');
    await notifier.update();
    set([notice('r-1', 'reminder')]);
    await notifier.update();
    expect(shown[0].title).toBe('Follow-up reminder');
  });

  it('keeps its titles in step with the renderer’s notices.kind strings', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const json = JSON.parse(readFileSync(`renderer/src/i18n/locales/${locale}/notices.json`, 'utf8'));
      expect(json.notices.kind).toEqual(NOTICE_TITLES[locale]);
      for (const kind of ['at_risk', 'breached', 'escalated', 'reminder'] as const) {
        expect(json.notices.group[`${kind}_other`].replace('{{count}}', '20')).toBe(noticeTitle(locale, { kind, count: 20 }));
      }
      expect(noticeTitle(locale, { kind: 'breached', count: 1 })).toBe(NOTICE_TITLES[locale].breached);
    }
    expect(noticeTitle('zh-CN', { kind: 'breached', count: 20 })).toBe('20 条会话已超时');
  });

  it('asks the window for the conversation through an open:<id> change event', () => {
    expect(conversationToOpen(['queue', topic.open('c-7')])).toBe('c-7');
    expect(conversationToOpen(['queue', 'open:'])).toBeNull();
    expect(conversationToOpen(['conversation:c-7'])).toBeNull();
  });
});
