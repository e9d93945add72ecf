import { z } from 'zod';
import { Id } from '../schema/common';
import { LEAD_ONLY, endpoint } from './define';
import { StoreProblemView } from './views';

/**
 * Store problems (data set aside in quarantine) stay listed in `session.get` / `session.status` on every start
 * until a lead dismisses them here. Dismissing only removes the entry from the list: the quarantine file stays.
 */
export const problemsContract = {
  /** Removes one problem from the list (audited); every window's banner updates through the `session` topic. */
  'problems.dismiss': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ dismissed: StoreProblemView, remaining: z.number().int().nonnegative() }),
    roles: LEAD_ONLY,
  }),
};
