import { Badge, Button, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/schema/common';
import { can } from '../../../shared/contract/permissions';
import { api } from '../api/client';
import { CannedLibraryButton } from '../panes/canned/CannedLibrary';
import { DataButton } from '../panes/data/DataButton';
import { RemindersButton } from '../panes/reminders/RemindersView';
import { formatTime } from './format';
import { SpoolStatus } from './intake/SpoolStatus';
import { TeamSyncStatus } from './TeamSyncStatus';
import classes from './Header.module.css';
import { lockNow, signOut } from './identity/signOut';
import { useNow, useSession } from './session';
import { MeMenu, TeamMenu } from './TeamMenu';
import { ThemeSwitch } from './ThemeSwitch';

/**
 * The workspace's one-row toolbar: the app's name (and the test clock when one runs), the openers of the libraries,
 * the lead's Team menu or an agent's Me menu, then who is signed in with Lock (Ctrl/Cmd+L) and Sign out, the language
 * and the theme. Quiet by design: small default buttons on the pane colour, nothing competing with the queue for
 * attention. It must fit one row at 1280 px for every role in both languages with room to spare (tests/e2e/header).
 */
export function Header({ onOpen }: { onOpen?(conversationId: string): void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const now = useNow();
  const lead = session.agent.role === 'lead';
  return (
    <Group component="header" className={classes.header} gap={6} wrap="nowrap" px="md" py={6}>
      <Title order={1} size="h2" className={classes.title}>
        {t('app.title')}
      </Title>
      {session.fakeClock && (
        <Badge variant="dot" color="violet" size="md" tt="none" fw={500}>
          {t('app.fakeClock')}: {formatTime(now, i18n.language)}
        </Badge>
      )}
      {/* Import progress and set-aside spool lines; renders nothing while the spool is quiet and clean. */}
      <SpoolStatus />
      {/* Team mode: offline, not yet synced, changes that gave way; renders nothing while in step or alone. */}
      <TeamSyncStatus onOpen={onOpen} />
      <Group gap={6} wrap="nowrap" className={classes.openers}>
        {/* Used during live work: one click each. */}
        <CannedLibraryButton />
        {lead && <DataButton />}
        {onOpen && can(session.agent.role, 'reminders.list') && <RemindersButton onOpen={onOpen} />}
        {/* Used now and then: one menu per role (a trainee has neither: their home is the training home). */}
        {lead && <TeamMenu onOpen={onOpen} />}
        {session.agent.role === 'agent' && <MeMenu onOpen={onOpen} />}
      </Group>
      <Group gap={6} wrap="nowrap" className={classes.identity}>
        <Text size="sm" fw={600} className={classes.nowrap}>
          {t('identity.signedInAs', { name: session.agent.name, role: t(`app.roles.${session.agent.role}`) })}
        </Text>
        <Button size="xs" variant="default" onClick={() => void lockNow()} title={t('identity.lockShortcut')} aria-keyshortcuts="Control+L">
          {t('identity.lock')}
        </Button>
        <Button size="xs" variant="default" onClick={() => void signOut()}>
          {t('identity.signOut')}
        </Button>
      </Group>
      <NativeSelect
        size="xs"
        aria-label={t('app.language')}
        value={session.locale}
        onChange={(e) => void api.call['prefs.setLocale']({ locale: e.currentTarget.value as Locale })}
        data={LOCALES.map((l) => ({ value: l, label: t(`app.languages.${l}`) }))}
      />
      <ThemeSwitch />
    </Group>
  );
}
