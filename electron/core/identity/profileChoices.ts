import type { ProfileChoice } from '../../../shared/contract/session';
import { DEMO_PINS, type Agent, type Credential } from '../../../shared/schema';

/**
 * The profiles the sign-in screen offers, in the store's order: enabled, with a secret (none: the store needs its
 * first lead). One rule for the opened store (services/sessions.ts) and the preview read while it opens
 * (signInPreview.ts), so that the list does not change under the user's pointer when the open completes.
 */
export function signInableProfiles(agents: Iterable<Agent>, credentialOf: (id: string) => Credential | undefined): Agent[] {
  return [...agents].filter((a) => !a.disabled && credentialOf(a.id));
}

/** A profile as the sign-in screen shows it; the demo store's profiles carry their documented demo PIN. */
export function profileChoice(a: Agent, credential: Credential | undefined): ProfileChoice {
  return { id: a.id, name: a.name, role: a.role, demoPin: credential?.demo ? DEMO_PINS[a.role] : null };
}
