import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';

/**
 * Electron fuses: switches baked into the Electron binary that the app's own code cannot turn back on. Flipped on the
 * packaged binary (`npm run fuses -- <path>`), never at run time. Every fuse @electron/fuses 1.8 knows is set
 * explicitly; newer ones (WasmTrapHandlers, index 8, since Electron 35) keep Electron's default (on).
 */
export const FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js that runs any script. */
  RunAsNode: false,
  /** Cookies on disk are encrypted with an OS-level key. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS (e.g. --require evil.js) is ignored. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect / --inspect-brk are ignored, so no debugger can be attached to the main process from the CLI. */
  EnableNodeCliInspectArguments: false,
  /** app.asar is checked against the hash embedded at packaging (needs an asar with integrity, see --no-asar). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Only resources/app.asar is loaded, never a loose resources/app folder dropped beside it. */
  OnlyLoadAppFromAsar: true,
  /** One V8 snapshot for every process (Electron's default). */
  LoadBrowserProcessSpecificV8Snapshot: false,
  /** file: pages get no extra privileges: the renderer is served from app:// (electron/main/appProtocol.ts). */
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Record<keyof typeof FuseV1Options & string, boolean>;

export type FuseName = keyof typeof FUSES;

/** The two fuses that only work when the packager produced an app.asar (with integrity data). */
export const ASAR_FUSES: readonly FuseName[] = ['EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar'];

/**
 * The fuse values for one packaging: everything as in FUSES; with `asar: false` (a packager that leaves the app as a
 * loose folder) the two asar fuses stay off, since on they would stop the app from loading at all.
 */
export function fuseValues(opts: { asar: boolean }): Record<FuseName, boolean> {
  const values = { ...FUSES } as Record<FuseName, boolean>;
  if (!opts.asar) for (const f of ASAR_FUSES) values[f] = false;
  return values;
}

/** The config object @electron/fuses takes, keyed by each fuse's index in the binary's fuse wire. */
export function fuseConfig(opts: { asar: boolean }): FuseConfig {
  const config: FuseConfig = { version: FuseVersion.V1 };
  for (const [name, on] of Object.entries(fuseValues(opts)) as [FuseName, boolean][]) {
    (config as Record<number, boolean>)[FuseV1Options[name]] = on;
  }
  return config;
}

const ENABLE = '1'.charCodeAt(0);
const DISABLE = '0'.charCodeAt(0);

/**
 * Flips the fuses of the Electron binary at `electronPath` (the executable; on macOS the .app), then reads the wire
 * back and fails unless each fuse has the intended value. Returns the values read back.
 */
export async function applyFuses(
  electronPath: string,
  opts: { asar: boolean },
  lib: { flip: typeof flipFuses; read: typeof getCurrentFuseWire } = { flip: flipFuses, read: getCurrentFuseWire },
): Promise<Record<FuseName, boolean>> {
  await lib.flip(electronPath, { ...fuseConfig(opts), resetAdHocDarwinSignature: process.platform === 'darwin' && process.arch === 'arm64' });
  const wire = (await lib.read(electronPath)) as unknown as Record<number, number>;
  const wanted = fuseValues(opts);
  const got = {} as Record<FuseName, boolean>;
  const wrong: string[] = [];
  for (const [name, on] of Object.entries(wanted) as [FuseName, boolean][]) {
    const state = wire[FuseV1Options[name]];
    got[name] = state === ENABLE;
    if (state !== (on ? ENABLE : DISABLE)) wrong.push(`${name}: wanted ${on ? 'on' : 'off'}, binary has ${state === undefined ? 'no such fuse' : String.fromCharCode(state)}`);
  }
  if (wrong.length > 0) throw new Error(`Fuses not set as intended in ${electronPath}:\n  ${wrong.join('\n  ')}`);
  return got;
}

/** `npm run fuses -- <path-to-electron-binary> [--no-asar]`. */
export function parseFuseArgs(argv: readonly string[]): { electronPath: string; asar: boolean } | { error: string } {
  const asar = !argv.includes('--no-asar');
  const rest = argv.filter((a) => a !== '--no-asar');
  const unknown = rest.filter((a) => a.startsWith('-'));
  if (unknown.length > 0) return { error: `unknown option ${unknown[0]}` };
  if (rest.length !== 1) return { error: 'usage: npm run fuses -- <path-to-packaged-electron-binary> [--no-asar]' };
  return { electronPath: rest[0], asar };
}
