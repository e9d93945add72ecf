import { z } from 'zod';

/** Record ids are short opaque strings ("c-000123", "a-li"). */
export const Id = z.string().min(1).max(128);
/** All times are epoch milliseconds (UTC); formatting happens at the edge. */
export const EpochMs = z.number().int().nonnegative();

export const Category = z.enum(['account', 'video_upload', 'payment', 'complaint', 'other']);
export type Category = z.infer<typeof Category>;
export const CATEGORIES = Category.options;

export const Tier = z.enum(['normal', 'vip']);
export type Tier = z.infer<typeof Tier>;

export const Status = z.enum(['bot', 'queued', 'open', 'pending', 'resolved', 'closed']);
export type Status = z.infer<typeof Status>;

export const Role = z.enum(['agent', 'trainee', 'lead']);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;
export const LOCALES = Locale.options;
