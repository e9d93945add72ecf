import { CoreError } from '../../../shared/contract';
import { CANNED_TOPIC, type CannedDraft, type CannedImportResult, type CannedView } from '../../../shared/contract/canned';
import type { Agent, CannedReply, CannedScope } from '../../../shared/schema';
import { parseCannedFile, serializeCannedFile, type ImportProblem } from '../../../shared/rules/cannedExchange';
import { shanghaiDate } from '../../../shared/rules/calendar';
import { pinyinInitials } from '../../../shared/rules/pinyinInitials';
import type { CoreContext, HandlerSlice } from '../context';
import type { Change } from '../store/types';
import { auditChange } from './audit';

type Owned = Pick<CannedReply, 'scope' | 'ownerId'>;

/** Personal replies are their author's alone; team and everyone replies are for all to use and leads to manage. */
export const canSee = (r: Owned, agent: Agent) => r.scope !== 'personal' || r.ownerId === agent.id;
export const canManage = (r: Owned, agent: Agent) => (r.scope === 'personal' ? r.ownerId === agent.id : agent.role === 'lead');

const LEAD_ONLY_MESSAGE = 'Only a team lead can manage team and everyone replies';
/** Shortcuts are unique within one scope (and one author for personal replies). */
const shortcutKey = (scope: CannedScope, ownerId: string | null, shortcut: string) => `${scope}|${ownerId ?? ''}|${shortcut.toLowerCase()}`;

/** The canned-reply library: the only writer of cannedReplies. */
export function createCanned(ctx: CoreContext) {
  // pinyin-pro costs ~0.1 ms a title: remember the initials until the title changes.
  const initialsCache = new Map<string, { title: string; initials: string }>();
  const initialsOf = (r: CannedReply) => {
    const hit = initialsCache.get(r.id);
    if (hit && hit.title === r.title) return hit.initials;
    const initials = pinyinInitials(r.title);
    initialsCache.set(r.id, { title: r.title, initials });
    return initials;
  };
  const view = (r: CannedReply, agent: Agent): CannedView => ({ ...r, initials: initialsOf(r), canManage: canManage(r, agent) });

  const visible = (agent: Agent) => [...ctx.store.all('cannedReplies').values()].filter((r) => canSee(r, agent));

  const findByShortcut = (scope: CannedScope, ownerId: string | null, shortcut: string, exceptId?: string) => {
    if (!shortcut) return undefined;
    const key = shortcutKey(scope, ownerId, shortcut);
    for (const r of ctx.store.all('cannedReplies').values()) if (r.id !== exceptId && shortcutKey(r.scope, r.ownerId, r.shortcut) === key) return r;
    return undefined;
  };

  /** Audit what everyone shares; personal replies are the agent's own notebook. */
  const audit = (agent: Agent, action: string, before: CannedReply | null, after: CannedReply | null): Change[] =>
    (before?.scope ?? 'personal') === 'personal' && (after?.scope ?? 'personal') === 'personal'
      ? []
      : [auditChange(ctx, { actorId: agent.id, action, targetId: (after ?? before)!.id, before, after })];

  async function importFile(text: string, agent: Agent): Promise<CannedImportResult> {
    const parsed = parseCannedFile(text);
    if (!parsed.ok) return { committed: false, added: 0, updated: 0, problems: parsed.problems };
    const problems: ImportProblem[] = [];
    const seen = new Map<string, number>();
    const changes: Change[] = [];
    let added = 0;
    let updated = 0;
    const now = ctx.clock.now();
    parsed.items.forEach((item, i) => {
      const line = parsed.lines[i];
      const ownerId = item.scope === 'personal' ? agent.id : null;
      if (!canManage({ scope: item.scope, ownerId }, agent)) {
        problems.push({ line, item: i + 1, field: 'scope', code: 'lead_only', message: LEAD_ONLY_MESSAGE });
        return;
      }
      if (item.shortcut) {
        const key = shortcutKey(item.scope, ownerId, item.shortcut);
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push({
            line,
            item: i + 1,
            field: 'shortcut',
            code: 'shortcut_twice',
            params: { shortcut: item.shortcut, first },
            message: `Shortcut "${item.shortcut}" is already used by item ${first} of this file`,
          });
          return;
        }
        seen.set(key, i + 1);
      }
      const existing = findByShortcut(item.scope, ownerId, item.shortcut);
      const rec: CannedReply = existing
        ? { ...existing, ...item, ownerId }
        : { id: ctx.newId('cr-'), ...item, ownerId, usageCount: 0, createdAt: now };
      if (existing) updated++;
      else added++;
      changes.push({ op: 'put', coll: 'cannedReplies', rec });
    });
    if (problems.length) return { committed: false, added: 0, updated: 0, problems };
    if (changes.length) {
      // One commit: the whole file lands, or (on a failure here) none of it.
      changes.push(auditChange(ctx, { actorId: agent.id, action: 'canned.import', targetId: null, after: { added, updated } }));
      await ctx.store.commit(changes);
      ctx.feed.publish([CANNED_TOPIC]);
    }
    return { committed: true, added, updated, problems: [] };
  }

  async function save(input: CannedDraft & { id?: string }, agent: Agent): Promise<CannedReply> {
    const before = input.id ? ctx.store.get('cannedReplies', input.id) : undefined;
    if (input.id && (!before || !canSee(before, agent))) throw new CoreError('not_found', `No canned reply ${input.id}`);
    if (before && !canManage(before, agent)) {
      throw before.scope === 'personal'
        ? new CoreError('forbidden', 'This is another agent’s personal reply', undefined, { code: 'not_yours' })
        : new CoreError('forbidden', LEAD_ONLY_MESSAGE, undefined, { code: 'lead_only' });
    }
    // A personal reply keeps its author (a lead moving a team reply to personal becomes its author).
    const ownerId = input.scope === 'personal' ? (before?.scope === 'personal' ? before.ownerId : agent.id) : null;
    if (!canManage({ scope: input.scope, ownerId }, agent)) throw new CoreError('forbidden', LEAD_ONLY_MESSAGE, undefined, { code: 'lead_only' });
    const clash = findByShortcut(input.scope, ownerId, input.shortcut, before?.id);
    if (clash) {
      throw new CoreError('conflict', `Shortcut "${input.shortcut}" is already used by "${clash.title}"`, undefined, {
        code: 'shortcut_taken',
        params: { shortcut: input.shortcut, title: clash.title },
      });
    }
    const { id: _id, ...fields } = input;
    const after: CannedReply = before
      ? { ...before, ...fields, ownerId }
      : { id: ctx.newId('cr-'), ...fields, ownerId, usageCount: 0, createdAt: ctx.clock.now() };
    await ctx.store.commit([{ op: 'put', coll: 'cannedReplies', rec: after }, ...audit(agent, before ? 'canned.update' : 'canned.create', before ?? null, after)]);
    ctx.feed.publish([CANNED_TOPIC]);
    return after;
  }

  const handlers: HandlerSlice<'canned.list' | 'canned.save' | 'canned.delete' | 'canned.use' | 'canned.export' | 'canned.import'> = {
    'canned.list': (_input, actor) => visible(actor.agent).map((r) => view(r, actor.agent)),

    'canned.save': async (input, actor) => view(await save(input, actor.agent), actor.agent),

    'canned.delete': async ({ id }, actor) => {
      const r = ctx.store.get('cannedReplies', id);
      if (!r || !canSee(r, actor.agent)) throw new CoreError('not_found', `No canned reply ${id}`);
      if (!canManage(r, actor.agent)) throw new CoreError('forbidden', LEAD_ONLY_MESSAGE, undefined, { code: 'lead_only' });
      await ctx.store.commit([{ op: 'del', coll: 'cannedReplies', id }, ...audit(actor.agent, 'canned.delete', r, null)]);
      initialsCache.delete(id);
      ctx.feed.publish([CANNED_TOPIC]);
      return { id };
    },

    'canned.use': async ({ id }, actor) => {
      const r = ctx.store.get('cannedReplies', id);
      if (!r || !canSee(r, actor.agent)) throw new CoreError('not_found', `No canned reply ${id}`);
      const usageCount = r.usageCount + 1;
      await ctx.store.commit([{ op: 'put', coll: 'cannedReplies', rec: { ...r, usageCount } }]);
      // No feed event: a usage count changing under the agent's fingers would only reshuffle the open picker.
      return { id, usageCount };
    },

    'canned.export': (_input, actor) => {
      const replies = visible(actor.agent).sort((a, b) => a.scope.localeCompare(b.scope) || a.locale.localeCompare(b.locale) || a.title.localeCompare(b.title));
      const now = ctx.clock.now();
      return { fileName: `kefu-canned-replies-${shanghaiDate(now)}.json`, text: serializeCannedFile(replies, now) };
    },

    'canned.import': ({ text }, actor) => importFile(text, actor.agent),
  };
  return { handlers };
}
