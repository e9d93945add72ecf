import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../shared/contract';
import type { Presence } from '../../../../shared/schema';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { SearchLauncher } from '../search/SearchLauncher';
import './conversation.css';

/**
 * Above the panes: search, and the agent's own presence. Setting "away" sends repeat contacts of their customers
 * to the team queue marked "owner away"; coming back lists what waited for them.
 */
export function WorkBar({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const [waiting, setWaiting] = useState<ConversationSummary[]>([]);
  const setPresence = async (presence: Presence) => {
    const r = await api.call['agent.setPresence']({ presence });
    if (r.ok) setWaiting(r.value.waiting);
  };
  return (
    <div className="work-bar" role="toolbar" aria-label={t('conversation.workBar')}>
      <SearchLauncher onOpen={onOpen} />
      {agent.role !== 'trainee' && (
        <label>
          {t('conversation.presenceLabel')}{' '}
          <select value={agent.presence} onChange={(e) => void setPresence(e.target.value as Presence)}>
            {(['online', 'away', 'offline'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`conversation.presence.${p}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {waiting.length > 0 && (
        <div className="waiting" role="status">
          {t('conversation.waiting', { count: waiting.length })}{' '}
          <ul aria-label={t('conversation.waitingList')} className="tag-list">
            {waiting.map((w) => (
              <li key={w.id}>
                <button type="button" className="link" onClick={() => onOpen(w.id)}>
                  {w.subject}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
