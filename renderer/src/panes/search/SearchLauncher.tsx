import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchDialog } from './SearchDialog';

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
      <button type="button" className="search-button" aria-keyshortcuts="Control+K Meta+K" onClick={() => setOpen(true)}>
        {t('search.open')}
      </button>
      {open && <SearchDialog onOpen={onOpen} onClose={() => setOpen(false)} />}
    </>
  );
}
