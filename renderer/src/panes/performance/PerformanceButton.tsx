import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeaderMenuEntry } from '../../app/HeaderMenu';
import { useSession } from '../../app/session';

// Opened now and then: loaded on first use (with ECharts), not with the first screen.
const PerformanceDialog = lazy(() => import('./PerformanceDialog'));
const MyPerformanceDialog = lazy(() => import('./MyPerformanceDialog'));

/**
 * Performance as a header menu item: the team dashboard for a lead (Team menu), "my performance" for an agent (Me
 * menu), nothing for a trainee (they get training results only). The core enforces the same split whatever the page
 * asks.
 */
export function usePerformanceEntry(onOpen?: (conversationId: string) => void): HeaderMenuEntry | null {
  const { t } = useTranslation();
  const role = useSession().agent.role;
  if (role === 'trainee') return null;
  return role === 'lead'
    ? { key: 'performance', label: t('performance.open'), title: t('performance.openTitle'), dialog: (close) => <PerformanceDialog onClose={close} onOpen={onOpen} /> }
    : { key: 'performance', label: t('performance.openMine'), dialog: (close) => <MyPerformanceDialog onClose={close} onOpen={onOpen} /> };
}
