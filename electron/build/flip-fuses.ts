import { applyFuses, parseFuseArgs } from './fuses';

// `npm run fuses -- <path-to-packaged-electron-binary> [--no-asar]`: run by packaging on the copied Electron binary
// (never on node_modules/electron). What is flipped, and why, is in fuses.ts.
const args = parseFuseArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(args.error);
  process.exit(2);
}
if (!args.asar) console.warn('--no-asar: EnableEmbeddedAsarIntegrityValidation and OnlyLoadAppFromAsar stay OFF');
applyFuses(args.electronPath, { asar: args.asar }).then(
  (got) => {
    for (const [name, on] of Object.entries(got)) console.log(`${on ? 'on ' : 'off'}  ${name}`);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
