import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../electron/web/args';
import { hostAllowed, originAllowed, tokenMatches } from '../../electron/web/security';

const gate = { port: 4567, token: 'a'.repeat(48) };
const req = (headers: Record<string, string>) => ({ headers });

describe('web mode gate', () => {
  it('accepts only our loopback host and port (no DNS rebinding)', () => {
    expect(hostAllowed(req({ host: '127.0.0.1:4567' }), gate)).toBe(true);
    expect(hostAllowed(req({ host: 'localhost:4567' }), gate)).toBe(true);
    expect(hostAllowed(req({ host: 'evil.example:4567' }), gate)).toBe(false);
    expect(hostAllowed(req({ host: '127.0.0.1:4568' }), gate)).toBe(false);
    expect(hostAllowed(req({}), gate)).toBe(false);
  });
  it('accepts a missing or exact own origin only', () => {
    expect(originAllowed(req({}), gate)).toBe(true);
    expect(originAllowed(req({ origin: 'http://127.0.0.1:4567' }), gate)).toBe(true);
    expect(originAllowed(req({ origin: 'http://127.0.0.1:4567.evil.example' }), gate)).toBe(false);
    expect(originAllowed(req({ origin: 'null' }), gate)).toBe(false);
  });
  it('compares tokens exactly', () => {
    expect(tokenMatches('a'.repeat(48), gate)).toBe(true);
    expect(tokenMatches('a'.repeat(47), gate)).toBe(false);
    expect(tokenMatches('b'.repeat(48), gate)).toBe(false);
    expect(tokenMatches(undefined, gate)).toBe(false);
  });
});

describe('web mode flags', () => {
  it('parses port, data, clock and refuses unknown flags with the usage line', () => {
    const a = parseWebArgs(['--port', '8080', '--data=/tmp/x', '--clock', '2026-11-24T09:00:00+08:00'], {});
    expect(a).toMatchObject({ port: 8080, dataDir: '/tmp/x', clockStart: Date.parse('2026-11-24T01:00:00Z') });
    expect(parseWebArgs([], { KEFU_DATA_DIR: '/d' }).dataDir).toBe('/d');
    expect(() => parseWebArgs(['--prot', '1'], {})).toThrow(/unknown flag --prot[\s\S]*usage/);
    expect(() => parseWebArgs(['--port', '99999'], {})).toThrow(/0–65535/);
    expect(() => parseWebArgs(['--clock', 'tomorrow'], {})).toThrow(/ISO time/);
  });
});
