import { z } from 'zod';
import { Id } from '../schema/common';
import { Notice } from '../schema/notice';
import { LIVE_ROLES, endpoint } from './define';

export const noticesContract = {
  /** The caller's notices not yet dismissed, newest first (at most 50). */
  'notices.list': endpoint({
    input: z.object({}).strict(),
    output: z.array(Notice),
    roles: LIVE_ROLES,
  }),
  'notices.dismiss': endpoint({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
    roles: LIVE_ROLES,
  }),
};
