import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeaderMenuEntry } from '../../app/HeaderMenu';

// Lead only and opened now and then: loaded on first use, not with the first screen.
const ComplaintsDialog = lazy(() => import('./ComplaintsDialog'));

/** The lead's complaints view, as an item of the header's Team menu (the header shows that menu to leads only). */
export function useComplaintsEntry(onOpen?: (conversationId: string) => void): HeaderMenuEntry {
  const { t } = useTranslation();
  return {
    key: 'complaints',
    label: t('complaints.open'),
    title: t('complaints.title'),
    dialog: (close) => <ComplaintsDialog onClose={close} onOpen={onOpen} />,
  };
}
