import { describe, expect, it } from 'vitest';
import { nextConnectionState } from '../../renderer/src/api/connection';
import { fail, type Result } from '../../shared/contract';

const ok: Result<unknown> = { ok: true, value: {} } as Result<unknown>;
const unreachable = fail('internal', 'The core cannot be reached: Failed to fetch', undefined, { code: 'unreachable' });
const noToken = fail('forbidden', 'Forbidden', undefined, { code: 'no_token' });
const refused = fail('conflict', 'closed', undefined, { code: 'closed' });

describe('connection state from call results', () => {
  it('an unreachable core, then any answer (even a refusal) means connected again', () => {
    expect(nextConnectionState('connected', true, unreachable)).toBe('unreachable');
    expect(nextConnectionState('unreachable', true, refused)).toBe('connected');
    expect(nextConnectionState('unreachable', true, ok)).toBe('connected');
  });
  it('a refused token after having been let in means a restarted server; never let in, no token', () => {
    expect(nextConnectionState('unreachable', true, noToken)).toBe('restarted');
    expect(nextConnectionState('connected', false, noToken)).toBe('no_token');
    // A stale page stays told to reopen the new address while the server blips again.
    expect(nextConnectionState('restarted', true, unreachable)).toBe('restarted');
  });
});
