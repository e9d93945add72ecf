import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Lead only and opened now and then: loaded on first use, not with the first screen.
const IntakeAdminDialog = lazy(() => import('./IntakeAdminDialog'));

/** The header's opener of the lead's bot, FAQ and routing screens (the header shows it to leads only). */
export function IntakeAdminButton({ onOpen }: { onOpen?(conversationId: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      {/* A short label (the header must fit one row at 1280 px); the title says what is behind it. */}
      <Button size="xs" variant="default" onClick={() => setOpen(true)} title={t('intakeAdmin.title')}>
        {t('intakeAdmin.open')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <IntakeAdminDialog onClose={() => setOpen(false)} onOpen={onOpen} />
        </Suspense>
      )}
    </>
  );
}
