import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANNED_TOPIC, type CannedView } from '../../../../shared/contract/canned';
import { rankCanned } from '../../../../shared/rules/cannedRanking';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { CannedEditor } from './CannedEditor';
import { CannedTransfer } from './CannedTransfer';
import { Modal } from './Modal';
import './canned.css';

const NO_CONTEXT = { category: null, locale: null, lastCustomerMessage: null };

/** The library manager: search, create, edit, delete (where allowed), import and export. */
export function CannedLibrary({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const list = useCall('canned.list', {}, [CANNED_TOPIC]);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<CannedView | 'new' | null>(null);
  const replies = useMemo(() => {
    if (list.status !== 'ok') return [];
    return query.trim() ? rankCanned(list.value, query, NO_CONTEXT).map((r) => r.reply) : [...list.value].sort((a, b) => a.scope.localeCompare(b.scope) || a.title.localeCompare(b.title));
  }, [list, query]);

  const remove = async (r: CannedView) => {
    if (window.confirm(t('canned.library.confirmDelete', { title: r.title }))) await api.call['canned.delete']({ id: r.id });
  };

  return (
    <Modal title={t('canned.library.title')} onClose={onClose} className="canned-library">
      <div className="canned-library-toolbar">
        <input type="search" aria-label={t('canned.library.search')} placeholder={t('canned.library.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" onClick={() => setEditing('new')}>
          {t('canned.library.new')}
        </button>
        <button type="button" onClick={onClose}>
          {t('canned.library.close')}
        </button>
      </div>
      {editing && <CannedEditor key={editing === 'new' ? 'new' : editing.id} reply={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {list.status === 'error' && <ErrorText error={list.error} />}
      <ul className="canned-library-list" aria-label={t('canned.library.list')}>
        {replies.map((r) => (
          <li key={r.id}>
            <span>
              <strong>{r.title}</strong> {r.shortcut && <span className="canned-shortcut">/{r.shortcut}</span>}
              <br />
              <span className="meta">
                {t(`canned.scope.${r.scope}`)} · {t(`app.languages.${r.locale}`)}
                {r.category && <> · {t(`category.${r.category}`)}</>} · {t('canned.library.usage', { count: r.usageCount })}
                {!r.canManage && <> · {t('canned.library.readOnly')}</>}
              </span>
            </span>
            {r.canManage && (
              <span className="canned-library-toolbar">
                <button type="button" aria-label={t('canned.library.editLabel', { title: r.title })} onClick={() => setEditing(r)}>
                  {t('canned.library.edit')}
                </button>
                <button type="button" aria-label={t('canned.library.deleteLabel', { title: r.title })} onClick={() => void remove(r)}>
                  {t('canned.library.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <CannedTransfer />
    </Modal>
  );
}

/** The header button that opens the library. */
export function CannedLibraryButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('canned.library.open')}
      </button>
      {open && <CannedLibrary onClose={() => setOpen(false)} />}
    </>
  );
}
