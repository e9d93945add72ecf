import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The conversation's tags: remove one with its button, add one by typing it and pressing Enter. */
export function TagEditor({ tags, disabled, onChange }: { tags: string[]; disabled: boolean; onChange(tags: string[]): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    const tag = draft.trim();
    if (!tag || tags.includes(tag)) return;
    onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <form className="tags" onSubmit={add} aria-label={t('conversation.tags')}>
      <ul className="tag-list" aria-label={t('conversation.tags')}>
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}{' '}
            <button type="button" className="tag-remove" disabled={disabled} aria-label={t('conversation.removeTag', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input aria-label={t('conversation.addTag')} placeholder={t('conversation.addTag')} value={draft} disabled={disabled} maxLength={60} onChange={(e) => setDraft(e.target.value)} />
    </form>
  );
}
