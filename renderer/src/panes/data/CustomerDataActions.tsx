import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Output } from '../../../../shared/contract';
import type { Customer } from '../../../../shared/schema';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { announceDataNotice } from './DataDialog';
import './data.css';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Saves text as a file through a Blob and a download link: the same in Electron and in a browser. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Lead only, on the customer card: a customer's data request. Export downloads everything stored about them;
 * delete removes it all once the lead has typed the customer's name (the core checks the name too).
 */
export function CustomerDataActions({ customer }: { customer: Pick<Customer, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [exported, setExported] = useState<Output<'customer.export'> | null>(null);
  const [deleted, setDeleted] = useState<Output<'customer.delete'> | null>(null);

  const exportData = async () => {
    const r = await api.call['customer.export']({ customerId: customer.id });
    setError(r.ok ? null : r.error);
    if (!r.ok) return;
    download(r.value.fileName, JSON.stringify(r.value.document, null, 2));
    setExported(r.value);
  };
  const remove = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['customer.delete']({ customerId: customer.id, confirmName: typed });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setDeleted(r.value);
      setConfirming(false);
      // The card goes away with the customer: the header keeps the confirmation.
      announceDataNotice(t('data.customer.deleted', { name: customer.name, count: total(r.value.counts) }));
    }
  };

  if (deleted) return <p role="status">{t('data.customer.deleted', { name: customer.name, count: total(deleted.counts) })}</p>;
  return (
    <div className="data-customer" role="group" aria-label={t('data.customer.group')}>
      <div className="data-toolbar">
        <button type="button" aria-label={t('data.customer.exportLabel', { name: customer.name })} onClick={() => void exportData()}>
          {t('data.customer.export')}
        </button>
        <button type="button" className="data-danger" aria-label={t('data.customer.deleteLabel', { name: customer.name })} aria-expanded={confirming} onClick={() => setConfirming((v) => !v)}>
          {t('data.customer.delete')}
        </button>
      </div>
      {exported && <p role="status">{t('data.customer.exported', { fileName: exported.fileName, count: total(exported.document.counts) })}</p>}
      {confirming && (
        <form className="data-confirm" onSubmit={(e) => void remove(e)}>
          <p>{t('data.customer.confirmDelete', { name: customer.name })}</p>
          <label htmlFor={inputId}>{t('data.customer.typeName')}</label>
          <input id={inputId} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          <div className="data-toolbar">
            <button type="submit" className="primary data-danger" disabled={typed.trim() !== customer.name.trim()}>
              {t('data.customer.confirmDeleteButton')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('data.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorText error={error} />}
    </div>
  );
}
