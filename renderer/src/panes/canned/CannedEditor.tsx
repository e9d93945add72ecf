import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { CannedDraft, CannedView } from '../../../../shared/contract/canned';
import { CANNED_VARIABLES } from '../../../../shared/rules/cannedVariables';
import { CATEGORIES, LOCALES, type Category, type Locale } from '../../../../shared/schema/common';
import type { CannedScope } from '../../../../shared/schema/canned';
import { api } from '../../api/client';
import { ErrorText } from '../../app/ErrorText';
import { useSession } from '../../app/session';

/** Create or edit one canned reply. Agents only get "personal"; the core enforces it either way. */
export function CannedEditor({ reply, onDone }: { reply: CannedView | null; onDone(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [draft, setDraft] = useState<CannedDraft>(() =>
    reply
      ? { title: reply.title, body: reply.body, category: reply.category, locale: reply.locale, shortcut: reply.shortcut, scope: reply.scope }
      : { title: '', body: '', category: null, locale: session.locale, shortcut: '', scope: 'personal' },
  );
  const [error, setError] = useState<ContractError | null>(null);
  const scopes: CannedScope[] = session.agent.role === 'lead' ? ['personal', 'team', 'everyone'] : ['personal'];
  const set = <K extends keyof CannedDraft>(k: K, v: CannedDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call['canned.save']({ ...draft, ...(reply ? { id: reply.id } : {}) });
    if (r.ok) onDone();
    else setError(r.error);
  };

  return (
    <form className="canned-editor" onSubmit={save}>
      <label htmlFor="canned-title">{t('canned.library.fields.title')}</label>
      <input id="canned-title" value={draft.title} onChange={(e) => set('title', e.target.value)} required maxLength={200} />
      <label htmlFor="canned-body">{t('canned.library.fields.body')}</label>
      <div>
        <textarea id="canned-body" value={draft.body} onChange={(e) => set('body', e.target.value)} required maxLength={5000} />
        <p className="canned-hint">{t('canned.library.variablesHelp', { list: CANNED_VARIABLES.map((v) => `{{${v}}}`).join(' ') })}</p>
      </div>
      <label htmlFor="canned-shortcut">{t('canned.library.fields.shortcut')}</label>
      <input id="canned-shortcut" value={draft.shortcut} onChange={(e) => set('shortcut', e.target.value.replace(/\s/gu, ''))} maxLength={40} />
      <label htmlFor="canned-category">{t('canned.library.fields.category')}</label>
      <select id="canned-category" value={draft.category ?? ''} onChange={(e) => set('category', (e.target.value || null) as Category | null)}>
        <option value="">{t('canned.library.noCategory')}</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor="canned-locale">{t('canned.library.fields.locale')}</label>
      <select id="canned-locale" value={draft.locale} onChange={(e) => set('locale', e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`app.languages.${l}`)}
          </option>
        ))}
      </select>
      <label htmlFor="canned-scope">{t('canned.library.fields.scope')}</label>
      <select id="canned-scope" value={draft.scope} onChange={(e) => set('scope', e.target.value as CannedScope)}>
        {scopes.map((s) => (
          <option key={s} value={s}>
            {t(`canned.scope.${s}`)}
          </option>
        ))}
      </select>
      <span />
      <span className="canned-library-toolbar">
        <button type="submit" className="primary">
          {t('canned.library.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('canned.library.cancel')}
        </button>
      </span>
      {error && <ErrorText error={error} />}
    </form>
  );
}
