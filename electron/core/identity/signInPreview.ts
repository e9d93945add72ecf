import type { contract } from '../../../shared/contract';
import type { z } from 'zod';
import { readProfileRecords } from '../store/profileRecords';
import { profileChoice, signInableProfiles } from './profileChoices';

export type SessionStatus = z.infer<(typeof contract)['session.status']['output']>;

/**
 * What `session.status` answers for a window or page without a session while the store in `dataDir` is still
 * opening: signed out, with the profiles its files hold (store/profileRecords.ts), so the sign-in screen shows at
 * once and the user chooses a profile and types a PIN while the rest loads. Null (the window waits for the open, as
 * before) when the files give no certain list, or no profile can sign in: the first-run screen is only ever shown
 * by the opened store.
 */
export function signInPreview(dataDir: string): SessionStatus | null {
  const records = readProfileRecords(dataDir);
  if (!records) return null;
  const profiles = signInableProfiles(records.agents.values(), (id) => records.credentials.get(id));
  if (profiles.length === 0) return null;
  return {
    state: 'signed_out',
    agent: null,
    firstRun: false,
    profiles: profiles.map((a) => profileChoice(a, records.credentials.get(a.id))),
    problems: [],
    opening: true,
  };
}
