import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ProfileChoice } from '../../../../shared/contract/session';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';

/** Pick a profile, give its secret. On the demo store each profile shows its documented demo PIN. */
export function SignInScreen({ profiles, problems }: { profiles: ProfileChoice[]; problems: number }) {
  const { t } = useTranslation();
  const [agentId, setAgentId] = useState(profiles[0]?.id ?? '');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const demo = profiles.some((p) => p.demoPin);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!agentId || !secret || busy) return;
    setBusy(true);
    const r = await api.call['session.signIn']({ agentId, secret });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setSecret('');
    }
    // On success the core's session event brings the workspace.
  };

  return (
    <main className="identity-screen">
      <form className="identity-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('identity.signInTitle')}</h1>
        {problems > 0 && <p role="alert">{t('identity.problemsBeforeSignIn', { count: problems })}</p>}
        {demo && <p className="identity-note">{t('identity.demoNote')}</p>}
        <fieldset>
          <legend>{t('identity.profile')}</legend>
          <div className="profile-choices">
            {profiles.map((p) => (
              <label key={p.id} className="profile-choice">
                <input type="radio" name="profile" value={p.id} checked={agentId === p.id} onChange={() => setAgentId(p.id)} />
                <span>
                  {p.name} · {t(`app.roles.${p.role}`)}
                  {p.demoPin && <small> ({t('identity.demoPin', { pin: p.demoPin })})</small>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          {t('identity.secret')}
          <input type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} autoFocus />
        </label>
        {error && <ErrorText error={error} />}
        <button type="submit" className="primary" disabled={busy || !secret || !agentId}>
          {busy ? t('identity.signingIn') : t('identity.signIn')}
        </button>
      </form>
    </main>
  );
}
