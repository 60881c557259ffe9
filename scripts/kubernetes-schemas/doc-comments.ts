/**
 * Reads the JSDoc block in front of a declaration as plain text. The TypeScript JSDoc parser
 * is not used: it cuts the text at the first `@` (e-mail addresses, `@` in examples), and the
 * Kubernetes descriptions are prose, not tags.
 */
import ts from "typescript";

/** The comment's text with `/**`, `*\/` and the leading ` * ` of each line removed; blank lines kept. */
export function docCommentOf(node: ts.Node, sourceText: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(sourceText, node.getFullStart()) ?? [];
  const block = ranges.at(-1);
  if (!block || block.kind !== ts.SyntaxKind.MultiLineCommentTrivia) return undefined;
  const raw = sourceText.slice(block.pos, block.end);
  if (!raw.startsWith("/**")) return undefined;
  const lines = raw
    .slice(3, -2)
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, "").trimEnd());
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  const text = lines.join("\n");
  return text === "" ? undefined : text;
}
