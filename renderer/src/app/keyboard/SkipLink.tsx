import { useTranslation } from 'react-i18next';
import { QUEUE_LIST_ID, focusPane } from './focusPane';

/** The first stop of the Tab order, shown only when focused: straight to the queue's list. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${QUEUE_LIST_ID}`}
      onClick={(e) => {
        e.preventDefault(); // no #fragment in the URL: focus moves, the address stays
        focusPane({ pane: 'queue', target: 'main' });
      }}
    >
      {t('queue.skipLink')}
    </a>
  );
}
