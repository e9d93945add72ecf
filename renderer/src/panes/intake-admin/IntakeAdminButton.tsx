import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeaderMenuEntry } from '../../app/HeaderMenu';

// Lead only and opened now and then: loaded on first use, not with the first screen.
const IntakeAdminDialog = lazy(() => import('./IntakeAdminDialog'));

/**
 * The lead's bot, FAQ and routing screens, as an item of the header's Team menu (shown to leads only). The label is
 * short like the other items; the tooltip says what is behind it.
 */
export function useIntakeAdminEntry(onOpen?: (conversationId: string) => void): HeaderMenuEntry {
  const { t } = useTranslation();
  return {
    key: 'intake-admin',
    label: t('intakeAdmin.open'),
    title: t('intakeAdmin.title'),
    dialog: (close) => <IntakeAdminDialog onClose={close} onOpen={onOpen} />,
  };
}
