import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Only a lead ever opens it: loaded on first use, not with the first screen.
const ProfilesDialog = lazy(() => import('./ProfilesDialog'));

/** The header's opener of the lead's team profiles. */
export function ProfilesButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('identity.profiles.open')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ProfilesDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
