import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useSession } from '../../app/session';

/** Hands the dedicated ownership to a colleague with a note; both see it in the timeline. */
export function TransferForm({ conversationId, ownerId, onError }: { conversationId: string; ownerId: string | null; onError(e: ContractError | null): void }) {
  const { t } = useTranslation();
  const { agents } = useSession();
  const [open, setOpen] = useState(false);
  const candidates = agents.filter((a) => a.role !== 'trainee' && a.id !== ownerId);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('conversation.transfer')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['conversation.transfer']({ id: conversationId, toAgentId: to, note });
    onError(r.ok ? null : r.error);
    if (r.ok) {
      setOpen(false);
      setNote('');
      setTo('');
    }
  };
  return (
    <form className="transfer" onSubmit={submit} aria-label={t('conversation.transfer')}>
      <label>
        {t('conversation.transferTo')}{' '}
        <select value={to} onChange={(e) => setTo(e.target.value)} required>
          <option value="" disabled>
            {t('conversation.chooseAgent')}
          </option>
          {candidates.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.presence !== 'online' ? ` (${t(`conversation.presence.${a.presence}`)})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('conversation.transferNote')} <input value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} />
      </label>
      <button type="submit" disabled={!to || !note.trim()}>
        {t('conversation.confirmTransfer')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('conversation.cancel')}
      </button>
    </form>
  );
}
