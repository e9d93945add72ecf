import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import { BACKUPS_TOPIC, type BackupInfo } from '../../../../shared/contract/dataAdmin';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { Modal } from '../canned/Modal';
import './data.css';

/** "2026-11-24" (daily) or the date and time it was made. */
function when(b: BackupInfo, locale: string): string {
  return b.at === null ? b.day : formatTime(b.at, locale);
}

/**
 * Lead only: the backups on disk (daily, manual, pre-restore), "Back up now", and restore with a confirm step.
 * A restore replaces the data at once; what it replaced is kept as a pre-restore backup, and the dialog says so.
 */
export function DataDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const list = useCall('backup.list', {}, [BACKUPS_TOPIC]);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<{ kind: 'created'; name: string } | { kind: 'restored'; value: Output<'backup.restore'> } | null>(null);

  const backupNow = async () => {
    setBusy(true);
    const r = await api.call['backup.create']({});
    setBusy(false);
    setError(r.ok ? null : r.error);
    setDone(r.ok ? { kind: 'created', name: r.value.name } : null);
    list.reload();
  };
  const restore = async (b: BackupInfo) => {
    setBusy(true);
    const r = await api.call['backup.restore']({ name: b.name });
    setBusy(false);
    setConfirming(null);
    setError(r.ok ? null : r.error);
    setDone(r.ok ? { kind: 'restored', value: r.value } : null);
    list.reload();
  };

  return (
    <Modal title={t('data.title')} onClose={onClose} className="data-dialog">
      <p className="hint">{t('data.backupsHint')}</p>
      <div className="data-toolbar">
        <button type="button" onClick={() => void backupNow()} disabled={busy}>
          {t('data.backupNow')}
        </button>
        <button type="button" onClick={onClose}>
          {t('data.close')}
        </button>
      </div>
      {error && <ErrorText error={error} />}
      {done?.kind === 'created' && <p role="status">{t('data.created', { name: done.name })}</p>}
      {done?.kind === 'restored' && (
        <p role="status" className="data-restored">
          {t('data.restored', { name: done.value.restored, keptAs: done.value.keptAs, puts: done.value.puts, dels: done.value.dels })}
        </p>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={t('data.confirmRestoreTitle')} className="data-confirm">
          <p>{t('data.confirmRestore', { name: confirming.name, when: when(confirming, i18n.language) })}</p>
          <div className="data-toolbar">
            <button type="button" className="primary data-danger" disabled={busy} onClick={() => void restore(confirming)}>
              {t('data.confirmRestoreButton')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('data.cancel')}
            </button>
          </div>
        </div>
      )}
      <h3 id="data-backups-heading">{t('data.backups')}</h3>
      {list.status === 'error' && <ErrorText error={list.error} />}
      {list.status === 'ok' && list.value.length === 0 && <p className="empty">{t('data.noBackups')}</p>}
      {list.status === 'ok' && list.value.length > 0 && (
        <ul className="data-backups" aria-labelledby="data-backups-heading">
          {list.value.map((b) => (
            <li key={b.name}>
              <span>
                <strong>{when(b, i18n.language)}</strong> · {t(`data.kind.${b.kind}`)}
                <br />
                <span className="meta">
                  {b.name} · {t('data.size', { kb: Math.max(1, Math.round(b.bytes / 1024)) })}
                </span>
              </span>
              <button type="button" aria-label={t('data.restoreLabel', { name: b.name })} disabled={busy} onClick={() => setConfirming(b)}>
                {t('data.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}

/**
 * A data request's outcome, shown in the header: a deletion removes the very card it was started from, so its
 * confirmation has to live somewhere that stays.
 */
export const DATA_NOTICE_EVENT = 'kefu:data-notice';
export function announceDataNotice(text: string) {
  window.dispatchEvent(new CustomEvent<string>(DATA_NOTICE_EVENT, { detail: text }));
}

/** The header button that opens the dialog (the header shows it to leads only), and the latest data notice. */
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
      <button type="button" onClick={() => setOpen(true)}>
        {t('data.open')}
      </button>
      <span role="status" className="data-notice">
        {notice}
        {notice && (
          <button type="button" aria-label={t('data.dismissNotice')} onClick={() => setNotice(null)}>
            ×
          </button>
        )}
      </span>
      {open && <DataDialog onClose={() => setOpen(false)} />}
    </>
  );
}
