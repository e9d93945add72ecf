import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import { api } from '../api/client';
import { ErrorText } from './ErrorText';
import { useSession } from './session';

/**
 * Quarantined store data is never silent: the agent sees it, with the file that keeps it, on every start until a
 * lead dismisses it (problems.dismiss, for everyone). Anyone can hide the banner for this window.
 */
export function ProblemsBanner() {
  const { t } = useTranslation();
  const { problems, agent } = useSession();
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  if (problems.length === 0 || hidden) return null;
  const isLead = agent.role === 'lead';
  const dismiss = async (id: string) => {
    setBusy(id);
    setError(null);
    // On success the core publishes `session`, and the refetched list no longer holds it.
    const r = await api.call['problems.dismiss']({ id });
    setBusy(null);
    if (!r.ok) setError(r.error);
  };
  return (
    <div role="alert" className="banner warning">
      <span>{t('app.storeProblems', { count: problems.length })}</span>
      <details>
        <summary>{t('app.showDetails')}</summary>
        <ul>
          {problems.map((p) => (
            <li key={p.id}>
              {p.source}: {p.message} → <code>{p.quarantinedTo}</code>
              {isLead && (
                <>
                  {' '}
                  <button type="button" disabled={busy !== null} onClick={() => void dismiss(p.id)}>
                    {t('app.dismissProblem')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
      {error && <ErrorText error={error} />}
      <button type="button" onClick={() => setHidden(true)}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
