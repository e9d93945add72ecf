import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ConversationDetail } from '../../../../shared/contract/conversation';
import { CATEGORIES, type Category } from '../../../../shared/schema';
import { api } from '../../api/client';
import { Countdown } from '../../app/Countdown';
import { ErrorText } from '../../app/ErrorText';
import { useCall } from '../../api/hooks';
import { DueExplanation } from '../queue/DueExplanation';
import { RemindMe } from '../reminders/RemindMe';
import { TagEditor } from './TagEditor';
import { TransferForm } from './TransferForm';
import { mayChange } from '../../../../shared/rules/ownership';
import { useSession } from '../../app/session';

/** Who and what this conversation is, its SLA state, and the changes an agent makes to it (all checked in the core). */
export function ConversationHeader({ view, onOpen }: { view: ConversationDetail; onOpen?(id: string): void }) {
  const { t } = useTranslation();
  const { conversation: c, customer, owner, linkedTo } = view;
  const [error, setError] = useState<ContractError | null>(null);
  const settings = useCall('settings.get', {}, ['settings']);
  const atRiskMinutes = settings.status === 'ok' ? settings.value.atRiskMinutes : undefined;
  const closed = c.status === 'closed';
  // The core refuses status changes and transfers on a colleague's conversation; the buttons say so up front.
  const { agent } = useSession();
  const mine = mayChange(agent, c);
  const run = async (p: Promise<{ ok: true } | { ok: false; error: ContractError }>) => {
    const r = await p;
    setError(r.ok ? null : r.error);
  };
  const setStatus = (status: 'open' | 'pending' | 'resolved') => run(api.call['conversation.setStatus']({ id: c.id, status }));

  return (
    <div className="conversation-header">
      <h2 className="pane-title">{c.subject}</h2>
      <p className="conversation-meta">
        {customer.tier === 'vip' && <span className="vip">{t('tier.vip')}</span>} {customer.name} · <span className="chip">{t(`status.${c.status}`)}</span> ·{' '}
        <span aria-label={t('conversation.sla')}>
          <Countdown dueAt={c.dueAt} pausedAt={c.dueAt !== null ? c.slaPausedAt : null} atRiskMinutes={atRiskMinutes} />
        </span>
        {owner && <> · {t('conversation.owner', { name: owner.name })}</>}
        {c.ownerAway && <> · <span className="chip owner-away">{t('conversation.ownerAway')}</span></>}
      </p>
      {c.dueAt !== null && <DueExplanation conversationId={c.id} />}
      {linkedTo && (
        <p className="conversation-meta">
          {t('conversation.linkedTo')}{' '}
          <button type="button" className="link" onClick={() => onOpen?.(linkedTo.id)}>
            {linkedTo.subject}
          </button>
        </p>
      )}
      <div className="conversation-edit">
        <label>
          {t('conversation.category')}{' '}
          <select value={c.category} disabled={closed} onChange={(e) => void run(api.call['conversation.setCategory']({ id: c.id, category: e.target.value as Category }))}>
            {CATEGORIES.map((cat) => (
              <option key={cat} value={cat}>
                {t(`category.${cat}`)}
              </option>
            ))}
          </select>
        </label>
        <TagEditor tags={c.tags} disabled={closed} onChange={(tags) => void run(api.call['conversation.setTags']({ id: c.id, tags }))} />
      </div>
      <div className="status-actions">
        {!mine && <p className="not-mine">{t('conversation.notMine')}</p>}
        {c.status === 'open' && (
          <button type="button" disabled={!mine} onClick={() => void setStatus('pending')}>
            {t('conversation.markPending')}
          </button>
        )}
        {(c.status === 'pending' || c.status === 'resolved') && (
          <button type="button" disabled={!mine} onClick={() => void setStatus('open')}>
            {c.status === 'resolved' ? t('conversation.reopen') : t('conversation.markOpen')}
          </button>
        )}
        {c.status !== 'resolved' && c.status !== 'closed' && c.status !== 'bot' && (
          <button type="button" className="primary" disabled={!mine} onClick={() => void setStatus('resolved')}>
            {t('conversation.resolve')}
          </button>
        )}
        {!closed && mine && <TransferForm conversationId={c.id} ownerId={c.ownerId} onError={setError} />}
        {!closed && <RemindMe conversationId={c.id} pending={c.status === 'pending'} />}
      </div>
      {error && <ErrorText error={error} />}
    </div>
  );
}
