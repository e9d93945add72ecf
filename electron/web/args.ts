import { homedir } from 'node:os';
import { join } from 'node:path';

export interface WebArgs {
  port: number;
  dataDir: string;
  /** Start a manual clock at this time (tests and demos move it with clock.advance). */
  clockStart: number | null;
  seedDemo: boolean;
}

export const DEFAULT_DATA_DIR = join(homedir(), '.kefu-desk', 'web');

const USAGE = 'usage: npm run web -- [--port N] [--data DIR] [--clock ISO-TIME] [--no-seed]';

/** Parses web mode's flags; a bad flag is an error with the usage line, never silently ignored. */
export function parseWebArgs(argv: string[], env: Record<string, string | undefined>): WebArgs {
  const args: WebArgs = { port: 0, dataDir: env.KEFU_DATA_DIR || DEFAULT_DATA_DIR, clockStart: null, seedDemo: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error(`--port must be 0–65535\n${USAGE}`);
        args.port = p;
        break;
      }
      case '--data':
        args.dataDir = value();
        break;
      case '--clock': {
        const v = value();
        const t = Date.parse(v);
        if (Number.isNaN(t)) throw new Error(`--clock needs an ISO time such as 2026-11-24T09:00:00+08:00, got "${v}"\n${USAGE}`);
        args.clockStart = t;
        break;
      }
      case '--no-seed':
        args.seedDemo = false;
        break;
      case '--help':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return args;
}
