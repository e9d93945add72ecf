import { Button } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Not on the first screen: the dialog's code loads the first time it opens.
const SearchDialog = lazy(() => import('./SearchDialog'));

/** The visible search button and the Ctrl/Cmd+K shortcut, anywhere in the workspace. */
export function SearchLauncher({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button variant="default" size="compact-sm" aria-keyshortcuts="Control+K Meta+K" onClick={() => setOpen(true)}>
        {t('search.open')}
      </Button>
      <Suspense fallback={null}>{open && <SearchDialog onOpen={onOpen} onClose={() => setOpen(false)} />}</Suspense>
    </>
  );
}
