import { fireEvent, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticeState } from '../../shared/contract/training';
import { PracticeBanner } from '../../renderer/src/panes/training/PracticeBanner';
import { renderApp } from './render';

const PRACTICE: PracticeState = { attemptId: 'at-1', scenarioId: 'sc-1', scenarioTitle: 'Angry VIP: video stuck at 99%', conversationId: 'tr-c-1', startedAt: 0, turnBudgetMs: 120_000 };

afterEach(() => {
  document.title = 'Kefu Desk';
  void i18n.changeLanguage('en');
});

describe('the practice banner', () => {
  it('marks the workspace as training: a named status with the scenario, the window title and the frame, restored after', () => {
    document.title = 'Kefu Desk';
    const { unmount } = renderApp(<PracticeBanner practice={PRACTICE} busy={false} onFinish={() => {}} onAbandon={() => {}} />);
    const banner = screen.getByRole('status', { name: 'Training' });
    expect(banner.textContent).toContain('Training — practice, not live');
    expect(banner.textContent).toContain('Scenario: Angry VIP: video stuck at 99%');
    expect(document.title).toBe('[Training] Kefu Desk');
    expect(document.documentElement.hasAttribute('data-training')).toBe(true);
    unmount();
    expect(document.title).toBe('Kefu Desk');
    expect(document.documentElement.hasAttribute('data-training')).toBe(false);
  });

  it('prefixes the title in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    document.title = 'Kefu Desk';
    renderApp(<PracticeBanner practice={PRACTICE} busy={false} onFinish={() => {}} onAbandon={() => {}} />);
    expect(document.title).toBe('【培训】Kefu Desk');
    expect(screen.getByRole('status', { name: '培训' }).textContent).toContain('培训中 — 练习，非线上');
  });

  it('finishes at once; abandons only when asked twice, with focus on the safe answer', () => {
    const onFinish = vi.fn();
    const onAbandon = vi.fn();
    renderApp(<PracticeBanner practice={PRACTICE} busy={false} onFinish={onFinish} onAbandon={onAbandon} />);
    const banner = screen.getByRole('status', { name: 'Training' });
    fireEvent.click(within(banner).getByRole('button', { name: 'Finish and grade' }));
    expect(onFinish).toHaveBeenCalledTimes(1);
    fireEvent.click(within(banner).getByRole('button', { name: 'Abandon' }));
    expect(onAbandon).not.toHaveBeenCalled();
    expect(banner.textContent).toContain('Abandon this practice? It is kept, ungraded.');
    expect(document.activeElement).toBe(within(banner).getByRole('button', { name: 'Keep practising' }));
    fireEvent.click(within(banner).getByRole('button', { name: 'Keep practising' }));
    expect(within(banner).queryByRole('button', { name: 'Yes, abandon' })).toBeNull();
    fireEvent.click(within(banner).getByRole('button', { name: 'Abandon' }));
    fireEvent.click(within(banner).getByRole('button', { name: 'Yes, abandon' }));
    expect(onAbandon).toHaveBeenCalledTimes(1);
  });
});
