import { Alert } from '@mantine/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { connectionState, markUnreachable, subscribeConnection } from '../api/connection';
import classes from './Banners.module.css';

/** How often a page that cannot reach the core tries again (a cheap `session.status`). */
const RETRY_MS = 3000;
/**
 * How often an idle web page checks that its server still answers: a bare HEAD of the page, which any HTTP answer
 * (even 405) passes; no credential is sent, so no session is kept alive by it (session.status would be).
 */
const PROBE_MS = 5000;
const webMode = () => window.location.protocol === 'http:' || window.location.protocol === 'https:';

/**
 * A banner at the top of every screen (sign-in included) when the core cannot be reached: it says so, retries
 * every few seconds and goes away as soon as the core answers. When the server answers again but refuses this
 * page's token (a restarted `npm run web` prints a new address), it says how to reconnect instead. It floats at the
 * top centre, so its coming and going never moves the workspace under the agent's pointer.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useSyncExternalStore(subscribeConnection, connectionState);

  useEffect(() => {
    if (state === 'unreachable') {
      const timer = setInterval(() => void api.call['session.status']({}), RETRY_MS);
      return () => clearInterval(timer);
    }
    if (state === 'connected' && webMode()) {
      // The event stream fails quietly: a page with nothing to call would never learn that its server stopped.
      const timer = setInterval(() => {
        if (document.visibilityState !== 'visible') return;
        fetch(window.location.pathname, { method: 'HEAD', cache: 'no-store' }).catch(() => markUnreachable());
      }, PROBE_MS);
      return () => clearInterval(timer);
    }
    return undefined;
  }, [state]);

  if (state === 'connected') return null;
  const text = state === 'unreachable' ? t('app.connection.unreachable') : state === 'restarted' ? t('app.connection.restarted') : t('errors.code.no_token');
  return (
    <Alert role="alert" color="orange" variant="light" className={classes.connection} py="xs">
      {text}
    </Alert>
  );
}
