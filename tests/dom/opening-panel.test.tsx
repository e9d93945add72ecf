import { screen } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { OpeningPanelView } from '../../renderer/src/app/OpeningPanel';
import { renderApp } from './render';

afterEach(() => void i18n.changeLanguage('en'));

describe('the wait while the store opens', () => {
  it('says what the core is doing and how far it has got, in both languages', async () => {
    const { rerender } = renderApp(<OpeningPanelView progress={{ state: 'opening', step: 'reading', fraction: 0.436, bytes: 610_000_000 }} />);
    const bar = screen.getByRole('progressbar', { name: 'Opening the store' });
    expect(bar.getAttribute('aria-valuenow')).toBe('43');
    expect(screen.getByRole('status').textContent).toBe('Reading the store (610 MB): 43 %');
    rerender(<OpeningPanelView progress={{ state: 'opening', step: 'checking', fraction: 0.71, bytes: 610_000_000 }} />);
    expect(screen.getByRole('status').textContent).toBe('Checking the records: 71 %');
    await i18n.changeLanguage('zh-CN');
    rerender(<OpeningPanelView progress={{ state: 'opening', step: 'starting', fraction: 0.9, bytes: 610_000_000 }} />);
    expect(screen.getByRole('progressbar', { name: '正在打开数据' }).getAttribute('aria-valuenow')).toBe('90');
    expect(screen.getByRole('status').textContent).toBe('正在启动服务：90%');
  });

  it('is a named spinner once the core is ready, or before it has said anything', () => {
    const { rerender } = renderApp(<OpeningPanelView progress={null} />);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    rerender(<OpeningPanelView progress={{ state: 'ready', step: null, fraction: 1, bytes: 0 }} />);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
  });
});
