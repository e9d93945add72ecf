import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ProfileView } from '../../../../shared/contract/session';
import { Role, type Role as RoleT } from '../../../../shared/schema/common';
import { api } from '../../api/client';
import { useCall } from '../../api/hooks';
import { Modal } from '../../panes/canned/Modal';
import { ErrorText } from '../ErrorText';

/** The lead's team profiles: add, disable or enable, give a new secret. The core checks and audits each. */
export function ProfilesButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('identity.profiles.open')}
      </button>
      {open && <ProfilesDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ProfilesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const list = useCall('profiles.list', {}, ['profiles']);
  const [error, setError] = useState<ContractError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [resetting, setResetting] = useState<ProfileView | null>(null);
  const act = async (p: Promise<{ ok: boolean; error?: ContractError }>, done: string) => {
    const r = await p;
    if (r.ok) {
      setError(null);
      setMessage(done);
      list.reload();
    } else setError(r.error ?? null);
  };
  return (
    <Modal title={t('identity.profiles.title')} onClose={onClose} className="profiles-dialog">
      {list.status === 'error' && <ErrorText error={list.error} />}
      {list.status === 'ok' && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('identity.profiles.name')}</th>
              <th scope="col">{t('identity.profiles.role')}</th>
              <th scope="col">{t('identity.profiles.status')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.value.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{t(`app.roles.${p.role}`)}</td>
                <td>
                  {p.disabled ? t('identity.profiles.disabledState') : t('identity.profiles.enabled')}
                  {p.demoPin && <small> · {t('identity.profiles.demoPin')}</small>}
                </td>
                <td>
                  <button type="button" onClick={() => void act(api.call['profiles.setDisabled']({ id: p.id, disabled: !p.disabled }), p.name)}>
                    {p.disabled ? t('identity.profiles.enable', { name: p.name }) : t('identity.profiles.disable', { name: p.name })}
                  </button>{' '}
                  <button type="button" onClick={() => setResetting(p)}>
                    {t('identity.profiles.reset', { name: p.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resetting && (
        <SecretForm
          label={t('identity.profiles.reset', { name: resetting.name })}
          onSubmit={(secret) => act(api.call['profiles.resetSecret']({ id: resetting.id, secret }), t('identity.profiles.resetDone', { name: resetting.name })).then(() => setResetting(null))}
        />
      )}
      <AddProfile onDone={(name) => act(Promise.resolve({ ok: true }), t('identity.profiles.added', { name }))} onError={setError} />
      {message && <p role="status">{message}</p>}
      {error && <ErrorText error={error} />}
      <button type="button" onClick={onClose}>
        {t('identity.profiles.close')}
      </button>
    </Modal>
  );
}

function SecretForm({ label, onSubmit }: { label: string; onSubmit(secret: string): Promise<void> }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (secret) void onSubmit(secret).then(() => setSecret(''));
      }}
    >
      <label className="field">
        {t('identity.profiles.resetSecret')}
        <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
      </label>
      <button type="submit" disabled={!secret}>
        {t('identity.profiles.save')}
      </button>
    </form>
  );
}

function AddProfile({ onDone, onError }: { onDone(name: string): void; onError(e: ContractError): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<RoleT>('agent');
  const [secret, setSecret] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['profiles.add']({ name, role, secret });
    if (r.ok) {
      onDone(name);
      setName('');
      setSecret('');
    } else onError(r.error);
  };
  return (
    <form aria-label={t('identity.profiles.add')} onSubmit={submit} className="add-profile">
      <h3>{t('identity.profiles.add')}</h3>
      <label className="field">
        {t('identity.profiles.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        {t('identity.profiles.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as RoleT)}>
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {t(`app.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('identity.newSecret')}
        <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
      </label>
      <button type="submit" disabled={!name.trim() || !secret}>
        {t('identity.profiles.add')}
      </button>
    </form>
  );
}
