/** Source positions as users see them: absolute file, 1-based line and column. */
import type { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";

export function locationOf(sf: ts.SourceFile, pos: number): SourceLocation {
  const lc = sf.getLineAndCharacterOfPosition(pos);
  return { file: sf.fileName, line: lc.line + 1, column: lc.character + 1 };
}

/** Location of a node's first token (skipping its JSDoc and trivia). */
export function nodeLocation(node: ts.Node): SourceLocation {
  const sf = node.getSourceFile();
  return locationOf(sf, node.getStart(sf, false));
}
