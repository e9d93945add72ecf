import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/schema/common';
import { api } from '../api/client';
import { CannedLibraryButton } from '../panes/canned/CannedLibrary';
import { DataButton } from '../panes/data/DataDialog';
import { RemindersButton } from '../panes/reminders/RemindersView';
import { formatTime } from './format';
import { lockNow, signOut } from './identity/signOut';
import { ProfilesButton } from './identity/ProfilesDialog';
import { can } from '../../../shared/contract/permissions';
import { useNow, useSession } from './session';

export function Header({ onOpen }: { onOpen?(conversationId: string): void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const now = useNow();
  return (
    <header className="header">
      <h1>{t('app.title')}</h1>
      {session.fakeClock && (
        <span className="fake-clock" aria-label={t('app.fakeClock')}>
          {t('app.fakeClock')}: {formatTime(now, i18n.language)}
        </span>
      )}
      <div className="header-controls">
        <CannedLibraryButton />
        {session.agent.role === 'lead' && <DataButton />}
        {onOpen && can(session.agent.role, 'reminders.list') && <RemindersButton onOpen={onOpen} />}
        {session.agent.role === 'lead' && <ProfilesButton />}
        <span className="signed-in-as">{t('identity.signedInAs', { name: session.agent.name, role: t(`app.roles.${session.agent.role}`) })}</span>
        <button type="button" onClick={() => void lockNow()} title={t('identity.lockShortcut')} aria-keyshortcuts="Control+L">
          {t('identity.lock')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('identity.signOut')}
        </button>
        <label>
          {t('app.language')}{' '}
          <select value={session.locale} onChange={(e) => void api.call['prefs.setLocale']({ locale: e.target.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`app.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
