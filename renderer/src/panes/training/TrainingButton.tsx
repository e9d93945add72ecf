import { useTranslation } from 'react-i18next';
import type { HeaderMenuEntry } from '../../app/HeaderMenu';
import { useCall } from '../../api/hooks';
import { setTrainingView, useTrainingView } from './trainingView';

/**
 * The way to the training home for agents and leads, as a header menu item (a trainee's home is the training home):
 * it opens the home in place of the workspace, and while the home shows it reads "Back to live work" and goes back.
 * Absent during a practice, whose banner has its own way out (the same cached answer the app's gate reads).
 */
export function useTrainingEntry(): HeaderMenuEntry | null {
  const { t } = useTranslation();
  const view = useTrainingView();
  const current = useCall('training.current', {}, ['training', 'session']);
  if (current.status === 'ok' && current.value !== null) return null;
  return {
    key: 'training',
    label: view.open ? t('training.home.backToWork') : t('training.open'),
    onSelect: () => setTrainingView({ open: !view.open, attemptId: null }),
  };
}

