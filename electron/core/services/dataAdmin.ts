import { CoreError, topic, type Topic } from '../../../shared/contract';
import { CANNED_TOPIC } from '../../../shared/contract/canned';
import { BACKUPS_TOPIC, type Counts, type CustomerExport } from '../../../shared/contract/dataAdmin';
import { REMINDERS_TOPIC } from '../../../shared/contract/reminders';
import { COLLECTIONS, type AuditEvent, type CollectionName, type SpoolQuarantined } from '../../../shared/schema';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';
import { createBackups } from './backups';

/**
 * Collections never searched for a customer's data: the team's own records (agents, their settings,
 * preferences, canned replies, saved views, training) and anything holding secrets. `credentials` is listed
 * before it exists on purpose: agents' secrets are never part of a customer export, whatever else changes.
 */
const NOT_CUSTOMER_DATA: ReadonlySet<string> = new Set([
  'agents',
  'credentials',
  'sessions',
  'settings',
  'preferences',
  'cannedReplies',
  'savedViews',
  'trainingScenarios',
  'trainingAttempts',
  'trainingAssignments',
  'audit',
]);

type Loose = { id: string; customerId?: unknown; conversationId?: unknown };

/**
 * Whether a quarantined spool line is about this customer. The line could not be read as an event (that is why it
 * is quarantined), so it is matched on its text: the customer's id or one of their conversations' platform ids as
 * a JSON string value. A line too broken to name anyone is nobody's data and stays for the lead to inspect.
 */
function quarantinedLineNames(q: SpoolQuarantined, customerId: string, externalIds: ReadonlySet<string>): boolean {
  if (q.raw.includes(JSON.stringify(customerId))) return true;
  for (const x of externalIds) if (q.raw.includes(JSON.stringify(x))) return true;
  return false;
}

/**
 * Backups (daily, manual, restore) and customer-data requests (export, delete). Leads only (the contract says
 * so and the dispatcher checks it); every change is audited in the same commit as the change itself.
 */
export function createDataAdmin(ctx: CoreContext, dataDir: string) {
  const backups = createBackups(ctx, dataDir);

  /**
   * Everything keyed to one customer: their record, their conversations, and every record in any other
   * collection that names the customer or one of those conversations (messages, ratings, reminders, notices,
   * drafts, and whatever collection appears later with a customerId or conversationId), plus the audit lines
   * about the customer or their conversations.
   */
  const recordsOf = (customerId: string) => {
    const customer = ctx.store.get('customers', customerId);
    if (!customer) throw new CoreError('not_found', `No customer ${customerId}`);
    const conversationIds = new Set<string>();
    for (const c of ctx.store.all('conversations').values()) if (c.customerId === customerId) conversationIds.add(c.id);
    // The platform's ids for those conversations: a quarantined spool line names the customer by these.
    const externalIds = new Set<string>();
    for (const l of ctx.store.all('spoolLinks').values()) if (conversationIds.has(l.id)) externalIds.add(l.externalId);
    const byColl = new Map<CollectionName, Loose[]>();
    for (const coll of COLLECTIONS) {
      if (NOT_CUSTOMER_DATA.has(coll)) continue;
      const hits: Loose[] = [];
      for (const r of ctx.store.all(coll).values() as Iterable<Loose>) {
        const mine =
          coll === 'customers'
            ? r.id === customerId
            : coll === 'conversations' || coll === 'spoolLinks'
              ? conversationIds.has(r.id) // a spool link's id is the desk conversation it links
              : coll === 'spoolQuarantine'
                ? quarantinedLineNames(r as unknown as SpoolQuarantined, customerId, externalIds)
                : r.customerId === customerId || (typeof r.conversationId === 'string' && conversationIds.has(r.conversationId));
        if (mine) hits.push(r);
      }
      byColl.set(coll, hits);
    }
    const audit: AuditEvent[] = [];
    for (const a of ctx.store.all('audit').values()) {
      if (a.targetId !== null && (a.targetId === customerId || conversationIds.has(a.targetId))) audit.push(a);
    }
    return { customer, conversationIds, byColl, audit };
  };

  const handlers: HandlerSlice<'backup.list' | 'backup.create' | 'backup.restore' | 'customer.export' | 'customer.delete'> = {
    'backup.list': () => backups.list(),

    'backup.create': async (_input, actor) => {
      const made = backups.createNow();
      await ctx.store.commit([auditChange(ctx, { actorId: actor.agent.id, action: 'backup.create', targetId: null, after: { name: made.name } })]);
      return made;
    },

    'backup.restore': async ({ name }, actor) => {
      const r = await backups.restore(name, ({ keptAs, puts, dels }) => [
        auditChange(ctx, { actorId: actor.agent.id, action: 'backup.restore', targetId: null, before: { keptAs }, after: { restored: name, puts, dels } }),
      ]);
      ctx.log('info', `backups: ${actor.agent.id} restored ${name} (${r.puts} written, ${r.dels} removed); the data before is in ${r.keptAs}`);
      // Everything on screen may have changed: every list refetches.
      const topics = new Set<Topic>([topic.queue, topic.notices, topic.session, topic.settings, CANNED_TOPIC, REMINDERS_TOPIC, BACKUPS_TOPIC]);
      for (const ch of r.changes) {
        const id = ch.op === 'put' ? ch.rec.id : ch.id;
        if (ch.coll === 'conversations') topics.add(topic.conversation(id));
        else if (ch.coll === 'customers') topics.add(topic.customer(id));
        else if (ch.op === 'put' && 'conversationId' in ch.rec && typeof ch.rec.conversationId === 'string') topics.add(topic.conversation(ch.rec.conversationId));
      }
      ctx.feed.publish(topics);
      return { restored: name, keptAs: r.keptAs, puts: r.puts, dels: r.dels, counts: r.counts };
    },

    'customer.export': async ({ customerId }, actor) => {
      const { byColl, audit } = recordsOf(customerId);
      const collections: Record<string, unknown[]> = {};
      const counts: Counts = {};
      for (const [coll, recs] of byColl) {
        collections[coll] = recs;
        counts[coll] = recs.length;
      }
      collections.audit = audit;
      counts.audit = audit.length;
      const now = ctx.clock.now();
      const document: CustomerExport = { format: 'kefu-desk.customer-export', version: 1, customerId, exportedAt: now, collections, counts };
      await ctx.store.commit([auditChange(ctx, { actorId: actor.agent.id, action: 'customer.export', targetId: customerId, after: { counts } })]);
      return { fileName: `customer-${customerId}-${new Date(now + 8 * 3600_000).toISOString().slice(0, 10)}.json`, document };
    },

    'customer.delete': async ({ customerId, confirmName }, actor) => {
      const { customer, conversationIds, byColl, audit } = recordsOf(customerId);
      if (confirmName.trim() !== customer.name.trim()) throw new CoreError('conflict', 'The confirmation does not match the customer name; nothing was deleted');
      const changes: Change[] = [];
      const counts: Counts = {};
      for (const [coll, recs] of byColl) {
        counts[coll] = recs.length;
        for (const r of recs) changes.push({ op: 'del', coll, id: r.id } as Change);
      }
      // The audit trail keeps who did what and when about them, not the content (notes, values) of it.
      let auditRedacted = 0;
      for (const a of audit) {
        if ((a.before === undefined && a.after === undefined) || a.action.startsWith('customer.')) continue; // counts only
        const { before: _b, after: _a, ...kept } = a;
        changes.push({ op: 'put', coll: 'audit', rec: kept });
        auditRedacted++;
      }
      changes.push(auditChange(ctx, { actorId: actor.agent.id, action: 'customer.delete', targetId: customerId, after: { counts, auditRedacted } }));
      await ctx.store.commit(changes);
      ctx.log('info', `customer data: ${actor.agent.id} deleted customer ${customerId} (${Object.values(counts).reduce((a, b) => a + b, 0)} records)`);
      ctx.feed.publish([topic.queue, topic.notices, REMINDERS_TOPIC, topic.customer(customerId), ...[...conversationIds].map((id) => topic.conversation(id))]);
      return { customerId, counts, auditRedacted };
    },
  };

  return { handlers };
}
