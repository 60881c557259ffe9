/** Source positions as users see them: absolute file, 1-based line and column. */
import type { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";

export function locationOf(sf: ts.SourceFile, pos: number): SourceLocation {
  const lc = sf.getLineAndCharacterOfPosition(pos);
  return { file: sf.fileName, line: lc.line + 1, column: lc.character + 1 };
}

/** Location of a node's first token (skipping its JSDoc and trivia). */
export function nodeLocation(node: ts.Node): SourceLocation {
  // The reader asks for the same node several times in a row (a property, then its type).
  if (node === lastNode) return lastLocation!;
  const sf = node.getSourceFile();
  const location = locationOf(sf, node.getStart(sf, false));
  lastNode = node;
  lastLocation = location;
  return location;
}

let lastNode: ts.Node | undefined;
let lastLocation: SourceLocation | undefined;
