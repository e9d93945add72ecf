import type { PerformanceRow } from '../../../../shared/contract/performance';
import type { Locale } from '../../../../shared/schema';
import { beijingIso } from '../../../../shared/rules/performance/beijingDay';
import { toCsv, type Cell } from '../../../../shared/rules/performance/csv';

/**
 * The CSV export: one row per conversation and agent who handled it in the period (PerformanceRow), headers in the
 * caller's language, instants as ISO 8601 Beijing time, durations in minutes (one decimal), yes/no as 1/0 so a
 * spreadsheet can sum them, empty for "nothing to measure". Codes (category, tier, status) stay codes: they are
 * what a pivot table filters on, in either language.
 */
const COLUMNS: { key: string; en: string; zh: string; cell: (r: PerformanceRow) => Cell }[] = [
  { key: 'conversationId', en: 'Conversation', zh: '会话编号', cell: (r) => r.conversationId },
  { key: 'subject', en: 'Subject', zh: '主题', cell: (r) => r.subject },
  { key: 'customerName', en: 'Customer', zh: '客户', cell: (r) => r.customerName },
  { key: 'agentId', en: 'Agent ID', zh: '客服编号', cell: (r) => r.agentId },
  { key: 'agentName', en: 'Agent', zh: '客服', cell: (r) => r.agentName },
  { key: 'category', en: 'Category', zh: '类别', cell: (r) => r.category },
  { key: 'tier', en: 'Tier', zh: '客户等级', cell: (r) => r.tier },
  { key: 'status', en: 'Status', zh: '状态', cell: (r) => r.status },
  { key: 'handedOverAt', en: 'Handed over at (Beijing time)', zh: '转人工时间（北京时间）', cell: (r) => (r.handedOverAt === null ? null : beijingIso(r.handedOverAt)) },
  { key: 'firstResponseMinutes', en: 'First response (minutes)', zh: '首次响应（分钟）', cell: (r) => minutes(r.firstResponseMs) },
  { key: 'resolutionMinutes', en: 'Resolution (minutes)', zh: '解决用时（分钟）', cell: (r) => minutes(r.resolutionMs) },
  { key: 'slaMet', en: 'SLA met', zh: '按时回复', cell: (r) => flag(r.slaMet) },
  { key: 'rating', en: 'Rating', zh: '评分', cell: (r) => r.rating },
  { key: 'complaint', en: 'Complaint', zh: '投诉', cell: (r) => flag(r.complaint) },
  { key: 'complaintUpheld', en: 'Complaint upheld', zh: '投诉成立', cell: (r) => flag(r.complaintUpheld) },
  { key: 'reopened', en: 'Reopened', zh: '重新打开', cell: (r) => flag(r.reopened) },
  { key: 'fromBot', en: 'From the bot', zh: '机器人转接', cell: (r) => flag(r.fromBot) },
];

const minutes = (ms: number | null): Cell => (ms === null ? null : Math.round(ms / 6_000) / 10);
const flag = (b: boolean | null): Cell => (b === null ? null : b ? 1 : 0);

export const CSV_HEADERS = { en: COLUMNS.map((c) => c.en), 'zh-CN': COLUMNS.map((c) => c.zh) } as const;

export function performanceCsv(rows: readonly PerformanceRow[], locale: Locale): string {
  return toCsv(CSV_HEADERS[locale], rows.map((r) => COLUMNS.map((c) => c.cell(r))));
}
