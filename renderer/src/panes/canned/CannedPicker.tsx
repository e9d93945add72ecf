import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './canned.css';
import type { CannedPickerState } from './useCannedPicker';

/**
 * The `/` picker under the reply box (a listbox driven from the textarea, combobox-style), and the warning that
 * lists placeholders still in the draft. Options keep the textarea focused (mousedown is prevented) so a click
 * inserts like Enter does.
 */
export function CannedPicker({ picker }: { picker: CannedPickerState }) {
  const { t } = useTranslation();
  const activeRef = useRef<HTMLLIElement | null>(null);
  // Braces matter: newer Chromium returns a promise from scrollIntoView, and an effect must return a function or nothing.
  useEffect(() => {
    activeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [picker.active, picker.open]);

  return (
    <>
      {picker.open && (
        <div className="canned-picker">
          <ul id={picker.listId} role="listbox" aria-label={t('canned.picker')}>
            {picker.options.map((o, i) => (
              <li
                key={o.reply.id}
                id={picker.optionId(i)}
                ref={i === picker.active ? activeRef : undefined}
                role="option"
                aria-selected={i === picker.active}
                className={i === picker.active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => picker.setActive(i)}
                onClick={() => picker.insert(o.reply)}
              >
                <span className="canned-title">
                  {o.suggested && <span className="canned-suggested">{t('canned.suggested')}</span>}
                  {o.reply.title}
                  {o.reply.shortcut && <span className="canned-shortcut">/{o.reply.shortcut}</span>}
                </span>
                <span className="canned-body">{o.reply.body}</span>
              </li>
            ))}
          </ul>
          {picker.options.length === 0 && <p className="canned-empty">{picker.query ? t('canned.noMatch', { query: picker.query }) : t('canned.empty')}</p>}
          <p className="canned-hint">{t('canned.hint')}</p>
        </div>
      )}
      {picker.problems.length > 0 && (
        <div className="canned-problems" role="alert">
          {t('canned.placeholders.title')}{' '}
          {picker.problems.map((p) => (
            <button
              type="button"
              key={`${p.start}-${p.name}`}
              className="canned-problem"
              aria-label={t('canned.placeholders.select', { name: `{{${p.name}}}` })}
              onClick={() => picker.selectProblem(p)}
            >
              <mark>{`{{${p.name}}}`}</mark> {t(`canned.placeholders.${p.kind}`)}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
