import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Not needed on the first screen: loaded when the agent first opens the library.
const CannedLibraryDialog = lazy(() => import('./CannedLibraryDialog'));

/** The header button that opens the canned-reply library. */
export function CannedLibraryButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)}>
        {t('canned.library.open')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <CannedLibraryDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
