import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSummary, ContractError } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';
import { signOut } from './signOut';

/** The locked workstation: only the secret of the profile that locked it, or signing out, goes on. */
export function LockScreen({ agent }: { agent: AgentSummary }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return;
    const r = await api.call['session.unlock']({ secret });
    if (!r.ok) {
      setError(r.error);
      setSecret('');
    }
  };
  return (
    <main className="identity-screen">
      <form className="identity-card" onSubmit={submit} aria-labelledby="lock-title">
        <h1 id="lock-title">{t('identity.lockedTitle')}</h1>
        <p>{t('identity.lockedIntro', { name: agent.name })}</p>
        <label className="field">
          {t('identity.secret')}
          <input type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} autoFocus />
        </label>
        {error && <ErrorText error={error} />}
        <div className="identity-actions">
          <button type="submit" className="primary" disabled={!secret}>
            {t('identity.unlock')}
          </button>
          <button type="button" onClick={() => void signOut()}>
            {t('identity.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
