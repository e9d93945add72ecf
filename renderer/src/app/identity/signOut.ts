import { api } from '../../api/client';
import { flushAllDrafts } from '../../panes/conversation/drafts';
import { resetClientState } from '../clientState';

/** Drafts typed so far are stored first (they belong to this profile), then the session ends and caches go. */
export async function signOut(): Promise<void> {
  await flushAllDrafts();
  await api.call['session.signOut']({});
  resetClientState();
}

export async function lockNow(): Promise<void> {
  await flushAllDrafts();
  await api.call['session.lock']({});
}
