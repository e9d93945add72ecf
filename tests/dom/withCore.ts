import { coreSandbox } from '../unit/coreSandbox';
import { useCore } from './kefuWindow';

/**
 * A real core on a temp folder (seeded demo data, manual clock at SANDBOX_NOW) behind `window.kefu`, signed in as
 * `agentId` (default: the demo's default agent). Call `domCore()` once at the top of a test file; `open()` per test.
 * `sandbox.call(core, name, input)` drives the core as the same agent; drivers (clock.advance, sim.customerMessage)
 * run as the lead.
 */
export function domCore(prefix = 'kefu-dom-') {
  const sandbox = coreSandbox(prefix);
  return {
    sandbox,
    async open(agentId?: string) {
      const { core, dataDir } = await sandbox.open();
      if (agentId) await sandbox.call(core, 'session.signIn', { agentId });
      const session = await core.sessionOf('s1');
      useCore(core.raw, session);
      return { core, dataDir, session };
    },
  };
}
