import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useComplaintsEntry } from '../panes/complaints/ComplaintsButton';
import { useIntakeAdminEntry } from '../panes/intake-admin/IntakeAdminButton';
import { usePerformanceEntry } from '../panes/performance/PerformanceButton';
import { useTrainingEntry } from '../panes/training/TrainingButton';
import { useTrainingView } from '../panes/training/trainingView';
import { HeaderMenu, type HeaderMenuEntry } from './HeaderMenu';

// Only a lead ever opens it: loaded on first use, not with the first screen.
const ProfilesDialog = lazy(() => import('./identity/ProfilesDialog'));

type OnOpen = (conversationId: string) => void;

/**
 * The lead's team tools under one header button: the team's performance, complaints, intake (bot, FAQ, routing),
 * profiles and training (the lead's training home holds the team's progress and authoring). Each was a button of its
 * own; together they pushed the lead's header past 1280 px in English.
 */
export function TeamMenu({ onOpen }: { onOpen?: OnOpen }) {
  const { t } = useTranslation();
  const profiles: HeaderMenuEntry = { key: 'profiles', label: t('identity.profiles.open'), title: t('identity.profiles.title'), dialog: (close) => <ProfilesDialog onClose={close} /> };
  const entries = [usePerformanceEntry(onOpen), useComplaintsEntry(onOpen), useIntakeAdminEntry(onOpen), profiles, useTrainingEntry()];
  const inTraining = useTrainingView().open; // marked while the training home shows, as the Training button was
  return <HeaderMenu label={t('app.menus.team')} title={t('app.menus.teamTitle')} entries={entries} active={inTraining} />;
}

/**
 * An agent's own things, used now and then rather than per conversation: their performance and the training home.
 * Canned replies and reminders, used during live work, stay one click away beside it.
 */
export function MeMenu({ onOpen }: { onOpen?: OnOpen }) {
  const { t } = useTranslation();
  const entries = [usePerformanceEntry(onOpen), useTrainingEntry()];
  const inTraining = useTrainingView().open;
  return <HeaderMenu label={t('app.menus.me')} title={t('app.menus.meTitle')} entries={entries} active={inTraining} />;
}
