import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { Secret } from '../../../../shared/schema/credential';
import { api } from '../../api/client';
import { ErrorText } from '../ErrorText';

/** A store with no profile that can sign in: create the team lead (who then adds everyone else). */
export function FirstRunScreen({ problems }: { problems: number }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const weak = secret !== '' && !Secret.safeParse(secret).success;
  const mismatch = again !== '' && again !== secret;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || weak || mismatch || !secret) return;
    const r = await api.call['session.setupLead']({ name, secret });
    if (!r.ok) setError(r.error);
  };
  return (
    <main className="identity-screen">
      <form className="identity-card" onSubmit={submit} aria-labelledby="first-run-title">
        <h1 id="first-run-title">{t('identity.firstRunTitle')}</h1>
        {problems > 0 && <p role="alert">{t('identity.problemsBeforeSignIn', { count: problems })}</p>}
        <p>{t('identity.firstRunIntro')}</p>
        <label className="field">
          {t('identity.leadName')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <label className="field">
          {t('identity.newSecret')}
          <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} aria-invalid={weak} />
        </label>
        {weak && <p role="alert">{t('identity.tooShort')}</p>}
        <label className="field">
          {t('identity.repeatSecret')}
          <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch} />
        </label>
        {mismatch && <p role="alert">{t('identity.mismatch')}</p>}
        {error && <ErrorText error={error} />}
        <button type="submit" className="primary" disabled={!name.trim() || !secret || weak || mismatch || again === ''}>
          {t('identity.create')}
        </button>
      </form>
    </main>
  );
}
