import { z } from 'zod';

/** Team-wide rule numbers (docs/rules.md); a lead may change them. One record, id "global". */
export const Settings = z.object({
  id: z.literal('global'),
  slaHours: z.object({
    normal: z.number().positive().max(24 * 30),
    vip: z.number().positive().max(24 * 30),
  }),
  complaintWorkingDays: z.number().int().positive().max(60),
  atRiskMinutes: z.number().int().positive().max(24 * 60),
  /** Minutes without keyboard or mouse input before a workstation locks itself (0: never). */
  lockAfterMinutes: z.number().int().min(0).max(8 * 60).default(15),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  id: 'global',
  slaHours: { normal: 24, vip: 12 },
  complaintWorkingDays: 7,
  atRiskMinutes: 120,
  lockAfterMinutes: 15,
};
