import { MantineProvider } from '@mantine/core';
import { useState } from 'react';
import type { Core } from '../../electron/core';
import { SessionProvider } from '../../renderer/src/app/session';
import { ReplyBox } from '../../renderer/src/panes/conversation/ReplyBox';
import { theme } from '../../renderer/src/theme/theme';

/** Open conversations the default demo agent works (their own), oldest id first: a stable pick from the seed. */
export function ownOpenConversations(core: Core, agentId: string) {
  return [...core.store.all('conversations').values()].filter((c) => c.status === 'open' && c.ownerId === agentId).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The reply box as the conversation pane mounts it (keyed by conversation), with a way to switch conversation.
 * Mantine's test mode inside the app's theme: happy-dom has no layout, so floating-ui would report every popover's
 * anchor as scrolled away and hide it (the `/` picker); `env="test"` is Mantine's switch for such DOMs.
 */
export function ReplyHarness({ ids }: { ids: string[] }) {
  const [id, setId] = useState(ids[0]);
  return (
    <MantineProvider theme={theme} env="test" withCssVariables={false} withGlobalClasses={false}>
      <SessionProvider fallback={null}>
      {ids.map((x) => (
        <button key={x} type="button" onClick={() => setId(x)}>
          {`open ${x}`}
        </button>
      ))}
      <ReplyBox key={id} conversationId={id} disabled={false} />
      </SessionProvider>
    </MantineProvider>
  );
}
