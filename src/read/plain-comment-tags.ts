/**
 * What was meant for crdgen in a plain comment (`// @maxLength 63`, `/* @minimum 0 *\/`, or a Go
 * user's `// +kubebuilder:validation:Minimum=0`) right above a declaration. Tags are read from
 * `/** *\/` doc comments only, as TypeScript reads them, so these do nothing; without a word, a
 * user porting Go types (whose markers are `//` comments) would lose the constraint.
 *
 * Files without a plain comment that starts with `@` or `+` (nearly all) are ruled out by one
 * regex test, remembered per file; only in the rest are a declaration's leading comments scanned.
 */
import type { ts } from "ts-morph";
import { equivalentHint, readMarker } from "../tags/controller-gen-markers.js";
import { tagRegistry } from "../tags/index.js";
import { saysNothingNew } from "./markers.js";
import { tsApi } from "./typescript.js";

/** A crdgen tag (`@maxLength`) or a controller-gen marker line in a plain comment, and where it starts. */
export interface PlainCommentTag {
  /** As written first on its line: `@maxLength`, `+kubebuilder:validation:Minimum=1`. */
  written: string;
  /** For a tag: its line as written (`@pattern ^[a-z]+$`). */
  line?: string;
  pos: number;
  /** For a marker: the tags to write instead, or advice (see controller-gen-markers.ts). */
  hint?: string;
}

/** A `//` comment starting with `@` or `+`, or a `/*` (not `/**`) comment holding one: a cheap first test. */
const MAY_HOLD = /\/\/[ \t]*[@+][A-Za-z]|\/\*(?!\*)(?:[^*]|\*(?!\/))*[@+][A-Za-z]/;

/** A tag or marker at the start of a comment line, past spaces and a block comment's `*` margin. */
const AT_LINE_START = /(?:^|\n)[ \t*]*([@+][A-Za-z][^\r\n]*)/g;

const mayHold = new WeakMap<ts.SourceFile, boolean>();

/** The tags and markers in the plain comments just before `node` (after the previous token), in order. */
export function plainCommentTags(node: ts.Node): PlainCommentTag[] {
  const sf = node.getSourceFile();
  let may = mayHold.get(sf);
  if (may === undefined) {
    may = MAY_HOLD.test(sf.text);
    mayHold.set(sf, may);
  }
  if (!may) return [];
  const text = sf.text;
  const found: PlainCommentTag[] = [];
  for (const range of tsApi.getLeadingCommentRanges(text, node.pos) ?? []) {
    if (text.startsWith("/**", range.pos) && !text.startsWith("/**/", range.pos)) continue;
    const start = range.pos + 2; // past `//` or `/*`
    const end = range.kind === tsApi.SyntaxKind.MultiLineCommentTrivia ? range.end - 2 : range.end;
    for (const m of text.slice(start, end).matchAll(AT_LINE_START)) {
      const line = m[1]!.trimEnd();
      const pos = start + m.index + m[0].length - m[1]!.length;
      const entry = line.startsWith("@") ? tagEntry(line, pos) : markerEntry(line, pos, node);
      if (entry) found.push(entry);
    }
  }
  return found;
}

/** Only crdgen's own tags were meant for crdgen: not `// @ts-expect-error` or `// @see`. */
function tagEntry(line: string, pos: number): PlainCommentTag | undefined {
  const name = /^@([A-Za-z][\w-]*)/.exec(line)![1]!;
  return tagRegistry.get(name) ? { written: `@${name}`, line, pos } : undefined;
}

/** A marker that would shape a CRD in Go (and says more than the TypeScript does). */
function markerEntry(line: string, pos: number, node: ts.Node): PlainCommentTag | undefined {
  const reading = readMarker(line);
  if (!reading || saysNothingNew(reading, node)) return undefined;
  return { written: line, pos, ...(reading.equivalent ? { hint: equivalentHint(reading.equivalent) } : {}) };
}
