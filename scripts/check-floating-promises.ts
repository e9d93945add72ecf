/**
 * Dropped promises in the core: every call whose promise is neither awaited, returned, `void`ed nor given a
 * rejection handler (an expression statement). Since Store.commit is asynchronous (a remote store is durable only
 * when its promise resolves), a dropped commit would acknowledge work that may not be saved and lose its error.
 * Type-aware (the TypeScript checker), so it sees through helpers. Run by `npm run typecheck` (scripts/typecheck.ts)
 * on the same program as the type check.
 */
import path from 'node:path';
import ts from 'typescript';

const CORE = `${path.sep}electron${path.sep}core${path.sep}`;

export function droppedPromises(program: ts.Program, root: string): string[] {
  const checker = program.getTypeChecker();
  const isPromise = (t: ts.Type): boolean => {
    if (t.isUnion()) return t.types.some(isPromise);
    const s = t.getSymbol() ?? t.aliasSymbol;
    return s?.getName() === 'Promise' || !!checker.getPropertyOfType(t, 'then');
  };
  const found: string[] = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !path.normalize(sf.fileName).includes(CORE)) continue;
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
  return found;
}
