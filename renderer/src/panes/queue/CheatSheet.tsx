import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, WORKSPACE_SHORTCUTS } from './shortcuts';

const GROUPS = [
  { section: 'queue', shortcuts: SHORTCUTS },
  { section: 'workspace', shortcuts: WORKSPACE_SHORTCUTS },
] as const;

/** The `?` cheat sheet: every shortcut (the queue's, then the workspace's) with what it does. Escape or the button closes it. */
export function CheatSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-label={t('queue.help.title')} className="dialog" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>{t('queue.help.title')}</h2>
        {GROUPS.map((g) => (
          <table key={g.section} className="shortcuts">
            <caption>{t(`queue.help.sections.${g.section}`)}</caption>
            <tbody>
              {g.shortcuts.map((s) => (
                <tr key={s.action}>
                  <td>
                    {s.keys.map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </td>
                  <td>{t(`queue.help.actions.${s.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <button ref={closeRef} type="button" onClick={onClose}>
          {t('queue.help.close')}
        </button>
      </div>
    </div>
  );
}
