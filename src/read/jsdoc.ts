/**
 * Documentation and tags of a declaration. Tag arguments are cut from the source text
 * rather than taken from the JSDoc parser, which rewrites braces and `@`-containing text
 * (patterns, JSON defaults) that users write verbatim.
 *
 * User files are parsed as `tsc` parses them, without JSDoc (compiler-host.ts): parsing every
 * comment of a program up front made parsing, binding and checking a fifth slower, yet crdgen
 * reads only the comments of the declarations a CRD reaches. Those are parsed here, on first
 * read, by TypeScript's own JSDoc parser, so tags and descriptions are exactly what a parse
 * with all JSDoc would give.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import { locationOf } from "./location.js";

export interface RawTag {
  name: string;
  text: string;
  origin: SourceLocation;
}

export interface DocInfo {
  description?: string | undefined;
  tags: RawTag[];
}

const EMPTY: DocInfo = { tags: [] };

/** The JSDoc block written closest to `node` (TypeScript attaches all blocks; the last one wins). */
export function readDoc(node: ts.Node): DocInfo {
  const sf = node.getSourceFile();
  const jsDoc = lastJsDoc(node, sf);
  if (!jsDoc) return EMPTY;
  const description = cleanDescription(tsApi.getTextOfJSDocComment(jsDoc.comment));
  const tags = (jsDoc.tags ?? []).map((tag) => ({
    name: tag.tagName.text,
    text: tagText(sf.text, tag),
    origin: locationOf(sf, tag.getStart(sf)),
  }));
  return { description, tags };
}

/**
 * Whether the doc comment `readDoc` would read contains `text` at all: a cheap test before
 * parsing, for scans over every declaration of a file.
 */
export function docMentions(node: ts.Node, text: string): boolean {
  const attached = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const sf = node.getSourceFile();
  if (attached) {
    const last = attached[attached.length - 1]!;
    return sf.text.slice(last.pos, last.end).includes(text);
  }
  if (!lazy || !lazy.canHaveJSDoc(node)) return false;
  const ranges = lazy.getJSDocCommentRanges(node, sf.text);
  const last = ranges?.[ranges.length - 1];
  return last !== undefined && sf.text.slice(last.pos, last.end).includes(text);
}

/**
 * The parsed JSDoc closest to `node`, for the nodes the parser gives JSDoc to. A file parsed with
 * all JSDoc already has it; otherwise the comment is parsed now, as the parser would have.
 */
function lastJsDoc(node: ts.Node, sf: ts.SourceFile): ts.JSDoc | undefined {
  const attached = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (attached) return attached[attached.length - 1];
  if (!lazy || !lazy.canHaveJSDoc(node)) return undefined;
  const ranges = lazy.getJSDocCommentRanges(node, sf.text);
  const last = ranges?.[ranges.length - 1];
  if (!last) return undefined;
  const parsed = lazy.parseIsolatedJSDocComment(sf.text, last.pos, last.end - last.pos);
  if (!parsed) return undefined;
  // As the parser does: the comment's parent is its declaration, so `{@link}` names reach the file.
  (parsed.jsDoc as { parent: ts.Node }).parent = node;
  return parsed.jsDoc;
}

/** TypeScript functions the compiler exports but does not declare (stable since TypeScript 3). */
interface JsDocInternals {
  canHaveJSDoc(node: ts.Node): boolean;
  getJSDocCommentRanges(node: ts.Node, text: string): ts.CommentRange[] | undefined;
  parseIsolatedJSDocComment(content: string, start: number, length: number): { jsDoc: ts.JSDoc } | undefined;
}

const internals = tsApi as unknown as Partial<JsDocInternals>;
const lazy: JsDocInternals | undefined =
  typeof internals.canHaveJSDoc === "function" &&
  typeof internals.getJSDocCommentRanges === "function" &&
  typeof internals.parseIsolatedJSDocComment === "function"
    ? (internals as JsDocInternals)
    : undefined;

/**
 * Whether user files may be parsed without JSDoc. False only with a TypeScript that lacks the
 * functions above; the compiler host then parses all JSDoc up front, as before.
 */
export const canReadDocsLazily: boolean = lazy !== undefined;

function tagText(source: string, tag: ts.JSDocTag): string {
  const raw = source.slice(tag.tagName.end, tag.end);
  // Most tags are one line (`@maxLength 63`, or the comment's last line ending in `*/`).
  if (!raw.includes("\n")) {
    const text = raw.trim();
    return text.endsWith("*/") ? text.slice(0, -2).trim() : text;
  }
  return raw
    .split(/\r?\n/)
    .map((line, i) => (i === 0 ? line : line.replace(/^\s*\*(?!\/)\s?/, "")))
    .join("\n")
    .replace(/\*\/\s*$/, "")
    .trim();
}

function cleanDescription(text: string | undefined): string | undefined {
  const t = text?.replace(/\r\n/g, "\n").trim();
  return t ? t : undefined;
}
