import type { TFunction } from 'i18next';
import type { Notice } from '../../../../shared/schema';

/** What a notice says first: its kind, or for a group its count in words ("20 条会话已超时"). */
export function noticeTitle(n: Pick<Notice, 'kind' | 'count'>, t: TFunction): string {
  return n.count > 1 ? t(`notices.group.${n.kind}`, { count: n.count }) : t(`notices.kind.${n.kind}`);
}
