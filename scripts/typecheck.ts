/**
 * `npm run typecheck`: the TypeScript check of the whole project (as `tsc --noEmit -p tsconfig.json`), then the
 * dropped-promise check of the core (scripts/check-floating-promises.ts) on the same program, so the sources are
 * parsed once. Exit code 1 when either finds something.
 */
import path from 'node:path';
import ts from 'typescript';
import { droppedPromises } from './check-floating-promises';

const root = path.resolve(import.meta.dirname, '..');
const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  console.error(`${diagnostics.length} type error(s)`);
}
const dropped = droppedPromises(program, root);
for (const d of dropped) console.error(d);
console.log(`type check: ${diagnostics.length} error(s); ${dropped.length} dropped promise(s) in electron/core`);
process.exit(diagnostics.length > 0 || dropped.length > 0 ? 1 : 0);
