/**
 * A star and a slash inside a doc comment end it: `@pattern ^([a-z]*\/)?[a-z]+$` written without
 * the backslash (Kubernetes' qualified-name pattern) leaves `)?[a-z]+$` and the rest of the
 * comment to the parser, which reports a cascade of syntax errors (TS1131, TS1005...) that never
 * mention the comment. When a file's first syntax error closely follows such an early end, that
 * error gets a hint saying how to write it.
 *
 *   in:  ` * @pattern ^([a-z]*` + `/)?[a-z]+$`, first error at the `)`
 *   out: hint "the doc comment ends at the *\/ on line 12, column 22; a `*\/` inside a doc comment
 *        ends it: write ..." (here `\/` stands for a slash, as this comment cannot hold the pair)
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

const END = "*/";

export const EARLY_END_HINT = "a `*/` inside a doc comment ends it: write `*\\/` (RE2 reads `\\/` as `/`)";

/** A tag at the start of a doc comment line, or right after the comment's opening. */
const TAG = /(?:^|\/\*\*|\n)[ \t*]*@[A-Za-z]/;

/**
 * The hint for a file's first syntax error at `errorPos`, when a doc comment ends, on the
 * error's line or the line before, at an end glued to its text (`[a-z]*` + `/`, not ` *` + `/`),
 * and either the comment goes on past that end (more text after it on its line, or a comment
 * line below) or the line it ends holds a tag; and written escaped, the file would parse past
 * the error. Undefined otherwise.
 */
export function earlyCommentEndHint(sf: ts.SourceFile, errorPos: number): string | undefined {
  const text = sf.text;
  const close = text.lastIndexOf(END, errorPos - END.length);
  if (close <= 0 || /\s/.test(text[close - 1]!)) return undefined;
  const open = text.lastIndexOf("/**", close - 1);
  // A heuristic: a `/**` in a string would pass for a comment's start (rare; the hint only advises).
  if (open === -1 || open + 3 > close) return undefined;
  const closeLine = sf.getLineAndCharacterOfPosition(close).line;
  if (sf.getLineAndCharacterOfPosition(errorPos).line > closeLine + 1) return undefined;
  const lines = sf.getLineStarts();
  const lineEnd = (line: number) => (line + 1 < lines.length ? lines[line + 1]! : text.length);
  const after = text.slice(close + END.length, lineEnd(closeLine));
  const next = closeLine + 1 < lines.length ? text.slice(lines[closeLine + 1], lineEnd(closeLine + 1)) : "";
  const goesOn = after.trim() !== "" || /^[ \t]*\*/.test(next);
  const tagged = TAG.test(text.slice(Math.max(lines[closeLine]!, open), close));
  if ((!goesOn && !tagged) || !escapingHelps(sf, close, errorPos)) return undefined;
  const { line, character } = sf.getLineAndCharacterOfPosition(close);
  return `the doc comment ends at the ${END} on line ${line + 1}, column ${character + 1}; ${EARLY_END_HINT}`;
}

/** Whether, with the end at `close` escaped, the file's first syntax error (if any) lies past `errorPos`. */
function escapingHelps(sf: ts.SourceFile, close: number, errorPos: number): boolean {
  const text = sf.text;
  // Without a later end, the escaped comment would run to the end of the file.
  if (!text.includes(END, close + END.length)) return false;
  const escaped = `${text.slice(0, close + 1)}\\${text.slice(close + 1)}`;
  const { diagnostics = [] } = tsApi.transpileModule(escaped, {
    fileName: sf.fileName,
    reportDiagnostics: true,
  });
  // One character was added before the error.
  return diagnostics.every((d) => d.start === undefined || d.start > errorPos + 1);
}
