/**
 * controller-gen marker lines (`+kubebuilder:validation:Minimum=0`, `+optional`) in doc comments.
 * Users migrating Go types paste them along with the comments; controller-gen leaves marker lines
 * out of descriptions, and so does crdgen. A marker that would shape the CRD becomes an error at
 * its line and column, since crdgen reads tags instead (tags/controller-gen-markers.ts says which).
 *
 * Comments without a `+` at a line start, nearly all of them, cost one `includes`.
 */
import type { ts } from "ts-morph";
import { codes } from "../diagnostics/codes.js";
import { markerHint, readMarker, type MarkerReading } from "../tags/controller-gen-markers.js";
import type { RawTag } from "./jsdoc.js";
import { NODE_MODULES } from "./library-files.js";
import { positionOrigin } from "./location.js";
import { tsApi } from "./typescript.js";

/** controller-gen's marker form, on a trimmed line: `+`, a name of `:`-separated words, then the end, `=` or `:`. */
const MARKER_LINE = /^\+[A-Za-z][\w.-]*(?::[A-Za-z][\w.-]*)*(?:$|[=:])/;

/** A `+` and a letter at a line start: what any marker line has. */
const MARKER_START = /(?:^|\n)[ \t]*\+[A-Za-z]/;

/** Whether `text` (a description or a tag's text) may hold a marker line; cheap when it has no `+`. */
export function mayHoldMarkers(text: string): boolean {
  return text.includes("+") && MARKER_START.test(text);
}

/**
 * `text` without its marker lines, which are added to `found` (trimmed, in order). `fromLine`:
 * the first line that starts a line of the comment (a tag's text starts on the tag's own line).
 */
export function withoutMarkers(text: string, found: string[], fromLine = 0): string {
  const lines = text.split("\n");
  const kept = lines.filter((line, i) => {
    const trimmed = line.trim();
    if (i < fromLine || !MARKER_LINE.test(trimmed)) return true;
    found.push(trimmed);
    return false;
  });
  if (kept.length === lines.length) return text;
  // A removed line between two paragraphs would leave two blank lines.
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Errors for the marker `lines` (found in the comment at `range` of `sf`, in order) that would
 * shape a CRD: tags whose `problem` the tag reader reports in their place. A tag's name is its
 * marker line, so that the same marker on two merged declarations is reported once. Comments
 * of libraries (under node_modules) are not the user's to change: their markers are only removed.
 */
export function markerTags(lines: readonly string[], node: ts.Node, range: ts.TextRange): RawTag[] {
  const sf = node.getSourceFile();
  if (NODE_MODULES.test(sf.fileName)) return [];
  const out: RawTag[] = [];
  let cursor = range.pos;
  for (const line of lines) {
    const at = lineStartIndex(sf.text, line, cursor, range.end);
    if (at >= 0) cursor = at + line.length;
    const reading = readMarker(line);
    if (!reading || saysNothingNew(reading, node)) continue;
    out.push({
      name: line,
      text: "",
      origin: positionOrigin(sf, at >= 0 ? at : range.pos, at >= 0 ? at + line.length : undefined),
      problem: {
        code: codes.controllerGenMarker,
        message: `${line} is a controller-gen marker, which crdgen does not read.`,
        hint: markerHint(reading),
      },
    });
  }
  return out;
}

/** Go types mark every optional field `+optional`: on a property that says so with `?`, it says nothing new. */
export function saysNothingNew(reading: MarkerReading, node: ts.Node): boolean {
  const optionality = reading.equivalent?.tags === undefined ? reading.equivalent?.optionality : undefined;
  return optionality !== undefined && optionality === optionalityOf(node);
}

/** Whether a property is written optional (`name?: T`) or required; undefined for other declarations. */
function optionalityOf(node: ts.Node): "optional" | "required" | undefined {
  if (!tsApi.isPropertySignature(node) && !tsApi.isPropertyDeclaration(node)) return undefined;
  return node.questionToken ? "optional" : "required";
}

/** Where `line` is written in `text` between `from` and `to` at the start of a comment line (after `*`), or -1. */
function lineStartIndex(text: string, line: string, from: number, to: number): number {
  for (let i = text.indexOf(line, from); i !== -1 && i < to; i = text.indexOf(line, i + 1)) {
    let j = i - 1;
    while (j >= from && (text[j] === " " || text[j] === "\t" || text[j] === "*")) j--;
    // Past spaces and stars: a line break, or the `/` of the comment's `/**`.
    if (j < from || text[j] === "\n" || text[j] === "\r" || (text[j] === "/" && text[j + 1] === "*"))
      return i;
  }
  return -1;
}
