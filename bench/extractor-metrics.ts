/**
 * Size of the extractor's code, for the before/after: lines, regex literals, `new RegExp`, `if`s,
 * functions over 60 lines, named rules. `node dist/bench/extractor-metrics.js [DIR]` (default src/extractor).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './corpus.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const dir = process.argv[2] ?? join(repoRoot(), 'src', 'extractor');
const totals = { files: 0, lines: 0, regexLiterals: 0, newRegExp: 0, ifs: 0, functions: 0, functionsOver60: 0, longestFunction: 0, rules: 0 };
for (const f of files(dir)) {
  const text = readFileSync(f, 'utf8');
  totals.files++;
  totals.lines += text.split('\n').length;
  const src = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) totals.regexLiterals++;
    if (ts.isNewExpression(n) && n.expression.getText(src) === 'RegExp') totals.newRegExp++;
    if (ts.isIfStatement(n)) totals.ifs++;
    if (ts.isCallExpression(n) && n.expression.getText(src) === 'defineRule') totals.rules++;
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
      const lines = src.getLineAndCharacterOfPosition(n.getEnd()).line - src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1;
      if (!ts.isArrowFunction(n) || lines > 3) totals.functions++;
      if (lines > 60) totals.functionsOver60++;
      totals.longestFunction = Math.max(totals.longestFunction, lines);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
console.log(JSON.stringify({ dir, ...totals }, null, 2));
