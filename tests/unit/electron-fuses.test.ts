import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { applyFuses, ASAR_FUSES, fuseConfig, fuseValues, FUSES, parseFuseArgs } from '../../electron/build/fuses';

// A stand-in for the Electron binary: bytes around the fuse wire exactly as Electron lays it out
// (sentinel, wire version, wire length, one byte per fuse: '0' off, '1' on). Electron's own binary is never used here.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULTS = '101100011'; // Electron 45's defaults for the 9 fuses (index 8: WasmTrapHandlers, on)
const dir = mkdtempSync(path.join(tmpdir(), 'kefu-fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeElectron(name: string, wire = ELECTRON_DEFAULTS): string {
  const file = path.join(dir, name);
  const bytes = Buffer.concat([Buffer.from('ELF...code...'), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.from('...more code')]);
  writeFileSync(file, bytes);
  return file;
}
function wireOf(file: string): string {
  const b = readFileSync(file);
  const at = b.indexOf(SENTINEL) + SENTINEL.length;
  return b.subarray(at + 2, at + 2 + b[at + 1]).toString('latin1');
}

describe('Electron fuses', () => {
  it('sets each fuse to the required value', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    // Every fuse @electron/fuses knows is set explicitly (none left to Electron's default by omission).
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
  });

  it('maps the values onto the fuse wire indices', () => {
    const c = fuseConfig({ asar: true }) as unknown as Record<string | number, unknown>;
    expect(c.version).toBe(FuseVersion.V1);
    expect(c[FuseV1Options.RunAsNode]).toBe(false);
    expect(c[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(c[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(c[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(c[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(c[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(c[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('leaves only the two asar fuses off for a packaging without app.asar', () => {
    const loose = fuseValues({ asar: false });
    for (const f of ASAR_FUSES) expect(loose[f]).toBe(false);
    expect({ ...loose, EnableEmbeddedAsarIntegrityValidation: true, OnlyLoadAppFromAsar: true }).toEqual(FUSES);
  });

  it('flips the fuse wire of a binary and verifies it by reading it back', async () => {
    const bin = fakeElectron('electron');
    const got = await applyFuses(bin, { asar: true });
    expect(got).toEqual(FUSES);
    // RunAsNode, cookies, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file: privileges, Wasm (untouched).
    expect(wireOf(bin)).toBe('010011001');
    const loose = fakeElectron('electron-loose');
    await applyFuses(loose, { asar: false });
    expect(wireOf(loose)).toBe('010000001');
  });

  it('fails when the binary does not end up with the intended fuses', async () => {
    const bin = fakeElectron('electron-stuck');
    // A flip that silently does nothing (e.g. a fuse the binary marks as removed) is caught by the read-back.
    await expect(applyFuses(bin, { asar: true }, { flip: async () => 1, read: (await import('@electron/fuses')).getCurrentFuseWire })).rejects.toThrow(/RunAsNode: wanted off/);
    await expect(applyFuses(path.join(dir, 'missing'), { asar: true })).rejects.toThrow();
    const notElectron = path.join(dir, 'not-electron');
    writeFileSync(notElectron, 'just some bytes');
    await expect(applyFuses(notElectron, { asar: true })).rejects.toThrow(/sentinel/);
  });

  it('parses `npm run fuses -- <path> [--no-asar]`', () => {
    expect(parseFuseArgs(['/x/kefu-desk'])).toEqual({ electronPath: '/x/kefu-desk', asar: true });
    expect(parseFuseArgs(['--no-asar', '/x/kefu-desk'])).toEqual({ electronPath: '/x/kefu-desk', asar: false });
    expect(parseFuseArgs([])).toHaveProperty('error');
    expect(parseFuseArgs(['a', 'b'])).toHaveProperty('error');
    expect(parseFuseArgs(['--asar=false', 'a'])).toHaveProperty('error');
  });

  it('the npm script flips a binary given on the command line', () => {
    const bin = fakeElectron('electron-cli');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'electron/build/flip-fuses.ts', bin], { encoding: 'utf8' });
    expect(out).toMatch(/off\s+RunAsNode/);
    expect(wireOf(bin)).toBe('010011001');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.fuses).toBe('tsx electron/build/flip-fuses.ts');
  });
});
