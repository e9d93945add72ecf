import { Button, CloseButton, Group, Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_NOTICE_EVENT } from './dataNotice';

// Lead only and rarely opened: loaded on first use.
const DataDialog = lazy(() => import('./DataDialog'));

/** The header button that opens the data dialog (the header shows it to leads only), and the latest data notice. */
export function DataButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const on = (e: Event) => setNotice((e as CustomEvent<string>).detail);
    window.addEventListener(DATA_NOTICE_EVENT, on);
    return () => window.removeEventListener(DATA_NOTICE_EVENT, on);
  }, []);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('data.open')}
      </Button>
      <Group role="status" gap={2} wrap="nowrap" hidden={!notice}>
        {notice && (
          <>
            <Text size="xs">{notice}</Text>
            <CloseButton size="sm" aria-label={t('data.dismissNotice')} onClick={() => setNotice(null)} />
          </>
        )}
      </Group>
      {open && (
        <Suspense fallback={null}>
          <DataDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
