/**
 * `npx tsx scripts/check-floating-promises.ts`: lists every call in the core whose promise is dropped (an expression
 * statement that neither awaits, returns, nor `void`s it). Since Store.commit is asynchronous (a remote store is
 * durable only when its promise resolves), a dropped commit would acknowledge work that may not be saved and lose
 * its error. Exit code 1 when any is found. Type-aware (the TypeScript checker), so it sees through helpers.
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
const program = ts.createProgram({ rootNames: parsed.fileNames.filter((f) => f.includes(`${path.sep}electron${path.sep}core${path.sep}`)), options: parsed.options });
const checker = program.getTypeChecker();

const isPromise = (t: ts.Type): boolean => {
  if (t.isUnion()) return t.types.some(isPromise);
  const s = t.getSymbol() ?? t.aliasSymbol;
  return s?.getName() === 'Promise' || !!checker.getPropertyOfType(t, 'then');
};

const found: string[] = [];
for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || !sf.fileName.includes(`${path.sep}electron${path.sep}core${path.sep}`)) continue;
  const visit = (node: ts.Node) => {
    if (ts.isExpressionStatement(node)) {
      let e: ts.Expression = node.expression;
      while (ts.isParenthesizedExpression(e)) e = e.expression;
      const call = ts.isCallExpression(e) ? e : null;
      // `p.catch(...)` and `p.then(ok, failed)` handle the rejection themselves.
      const handled = call && ts.isPropertyAccessExpression(call.expression) && (call.expression.name.text === 'catch' || (call.expression.name.text === 'then' && call.arguments.length === 2));
      if (call && !handled && isPromise(checker.getTypeAtLocation(call))) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${path.relative(root, sf.fileName)}:${line + 1}: ${node.getText().slice(0, 100)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
for (const f of found) console.log(f);
console.log(`${found.length} dropped promise(s) in electron/core`);
process.exit(found.length > 0 ? 1 : 0);
