import { ActionIcon, Kbd, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import type { Loaded } from '../../api/hooks';
import { KeyboardIcon, MoreIcon, SettingsIcon } from './icons';
import classes from './QueuePane.module.css';

/**
 * The queue's title row, on one line: "Queue N conversations", the team's breached and at-risk counts, and one menu
 * for the pane's rarer actions (SLA settings, keyboard shortcuts; `?` opens the latter directly). Past the pane's
 * width the title is cut with an ellipsis, never wrapped.
 */
export function QueueHead({ total, counts, onSettings, onHelp }: { total: number | null; counts: Loaded<Output<'queue.counts'>>; onSettings(): void; onHelp(): void }) {
  const { t } = useTranslation();
  return (
    <div className={classes.head}>
      <h2 className={classes.title}>
        {t('queue.title')} {total !== null && <span className={classes.total}>{t('queue.count', { count: total })}</span>}
      </h2>
      {counts.status === 'ok' && (
        <span className={classes.counts} aria-label={t('queue.countsLabel')} role="group">
          <span className={classes.breached}>{t('queue.breachedCount', { count: counts.value.breached })}</span>
          <span className={classes.atRisk}>{t('queue.atRiskCount', { count: counts.value.atRisk })}</span>
        </span>
      )}
      <Menu position="bottom-end" shadow="md">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('queue.menu')}>
            <MoreIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<SettingsIcon />} onClick={onSettings}>
            {t('settings.open')}
          </Menu.Item>
          <Menu.Item leftSection={<KeyboardIcon />} rightSection={<Kbd size="xs">?</Kbd>} aria-keyshortcuts="?" onClick={onHelp}>
            {t('queue.help.title')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}
