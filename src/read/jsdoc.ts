/**
 * Documentation and tags of a declaration. Tag arguments are cut from the source text
 * rather than taken from the JSDoc parser, which rewrites braces and `@`-containing text
 * (patterns, JSON defaults) that users write verbatim.
 *
 * User files are parsed as `tsc` parses them, without JSDoc (compiler-host.ts): parsing every
 * comment of a program up front made parsing, binding and checking a fifth slower, yet crdgen
 * reads only the comments of the declarations a CRD reaches. Those are parsed here, on first
 * read, by TypeScript's own JSDoc parser, so tags and descriptions are exactly what a parse
 * with all JSDoc would give. One-line comments of plain text, with or without simple tags (most
 * comments of an API), are read directly to the same result (test/read/jsdoc.test.ts compares
 * both ways): the parser allocates a few kilobytes per comment.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import { positionOrigin } from "./location.js";
import { markerTags, mayHoldMarkers, withoutMarkers } from "./markers.js";
import { mayNeedReading, readable, readLinks } from "./description-text.js";
import { codeBlockTagProblem, fencedTagWarning, unclosedLinkTags } from "./doc-problems.js";

export interface RawTag {
  name: string;
  text: string;
  origin: SourceLocation;
  /**
   * Whether `text` began on the tag's own line (`@immutable once set`) rather than below it
   * (`@immutable` over a line of documentation); set only for a tag with text.
   */
  textOnTagLine?: boolean;
  /**
   * What reading the comment already found wrong, reported by the tag reader in the tag's place:
   * a controller-gen marker (whose line is then the name, read/markers.ts), or a `@default`
   * naming no member of its enum (read/enum-defaults.ts).
   */
  problem?: TagProblem;
}

export interface TagProblem {
  /** An error unless said otherwise. */
  severity?: "warning";
  code: DiagnosticCode;
  message: string;
  hint?: string;
}

export interface DocInfo {
  description?: string | undefined;
  tags: RawTag[];
}

const EMPTY: DocInfo = { tags: [] };

/** The JSDoc block written closest to `node` (TypeScript attaches all blocks; the last one wins). */
export function readDoc(node: ts.Node): DocInfo {
  const sf = node.getSourceFile();
  // Some declarations (accessors) carry an empty list.
  const attached = (node as { jsDoc?: ts.JSDoc[] }).jsDoc?.at(-1);
  // A link over several lines, or with no `}`, is read again (parseComment): the parser cut it at
  // the line break, or read the next line into it.
  if (attached && (!lazy || readLinks(sf.text, attached.pos, attached.end) === undefined)) {
    const tagMarkers: string[] = [];
    return completed(docOf(attached, sf, sf.text, tagMarkers), node, attached, tagMarkers);
  }
  const range = attached ?? lastDocRange(node, sf);
  if (!range) return EMPTY;
  // Most doc comments are one line of plain text (`/** The schedule. *\/`): the description is
  // that text, trimmed, exactly as TypeScript's parser makes it; no need to run the parser.
  const content = sf.text.slice(range.pos + 3, range.end - 2);
  if (PLAIN_LINE.test(content)) {
    const description = content.trim();
    // Only a `+` first may make it more: a controller-gen marker (`/** +optional *\/`).
    if (description.charCodeAt(0) === PLUS) return completed({ description, tags: [] }, node, range);
    if (description.includes("&")) return { description: readable(description), tags: [] };
    return description ? { description, tags: [] } : EMPTY;
  }
  // Nearly all the rest are one line with simple tags (`/** Name. @maxLength 63 *\/`).
  const simple = TAGGED_LINE.test(content) ? simpleTags(content, sf, range.pos + 3) : undefined;
  if (simple) return completed(simple, node, range);
  const parsed = parseComment(sf.text, range);
  if (!parsed) return EMPTY;
  // As the parser does: the comment's parent is its declaration, so `{@link}` names reach the file.
  (parsed.jsDoc as { parent: ts.Node }).parent = node;
  const tagMarkers: string[] = [];
  const doc = completed(docOf(parsed.jsDoc, sf, parsed.text, tagMarkers), node, range, tagMarkers);
  if (parsed.unclosed.length === 0) return doc;
  const warnings = unclosedLinkTags(parsed.unclosed, sf);
  return warnings.length === 0 ? doc : { description: doc.description, tags: [...doc.tags, ...warnings] };
}

const PLUS = 0x2b;

/**
 * What a comment's description and tags say once read as documentation: controller-gen marker
 * lines left out (and reported, read/markers.ts), TSDoc's `@remarks` added to the description,
 * and its text made readable, description-text.ts (a `@default` naming an enum member is the type
 * reader's: read/enum-defaults.ts). `tagMarkers`: the marker lines `docOf` took out of tag texts. Nearly every
 * comment has none of these, and is returned as it is after a few string tests.
 */
function completed(
  doc: DocInfo,
  node: ts.Node,
  range: ts.TextRange,
  tagMarkers: readonly string[] = [],
): DocInfo {
  const markers: string[] = [];
  let description = doc.description;
  if (description !== undefined && mayHoldMarkers(description))
    description = withoutMarkers(description, markers) || undefined;
  markers.push(...tagMarkers);
  let tags = doc.tags;
  if (tags.some(needsReading)) {
    tags = [];
    for (const tag of doc.tags) {
      // TSDoc's @remarks is the rest of the documentation, after the summary.
      if (tag.name === "remarks")
        description = [description, tag.text].filter(Boolean).join("\n\n") || undefined;
      else if (DOCUMENTATION_TAGS.has(tag.name)) tags.push({ ...tag, text: readable(tag.text) });
      else tags.push(tag);
    }
  }
  if (description !== undefined && mayNeedReading(description)) description = readable(description);
  if (markers.length > 0) tags = [...tags, ...markerTags(markers, node, range)];
  if (description === doc.description && tags === doc.tags) return doc;
  return description === undefined && tags.length === 0 ? EMPTY : { description, tags };
}

function needsReading(tag: RawTag): boolean {
  return tag.name === "remarks" || (DOCUMENTATION_TAGS.has(tag.name) && mayNeedReading(tag.text));
}

/** Tags whose text the description shows (`@remarks` is read into it here). */
const DOCUMENTATION_TAGS = new Set(["deprecated", "description"]);

/**
 * The comment at `range`, parsed with its `{@link}`s over several lines joined and those with no
 * `}` closed (description-text.ts), whose positions are `unclosed`.
 * TypeScript's JSDoc parser (5.9 and 6.0) never returns on a comment whose last word ends in a
 * dash right before `*\/` (`/** a-*\/`, `/** @x cut-*\/`): that comment is parsed with a space
 * before its end, which changes no description or tag text (both are trimmed).
 */
function parseComment(
  source: string,
  range: ts.TextRange,
): { jsDoc: ts.JSDoc; text: string; unclosed: readonly number[] } | undefined {
  const links = readLinks(source, range.pos, range.end);
  const text = links?.text ?? source;
  const unclosed = links?.unclosed ?? NO_POSITIONS;
  const length = range.end - range.pos;
  if (text.charCodeAt(range.end - 3) !== DASH) {
    const parsed = lazy!.parseIsolatedJSDocComment(text, range.pos, length);
    return parsed && { jsDoc: parsed.jsDoc, text, unclosed };
  }
  // The file up to the comment, then the comment with the space: positions stay the file's.
  const spaced = `${text.slice(0, range.end - 2)} */`;
  const parsed = lazy!.parseIsolatedJSDocComment(spaced, range.pos, length + 1);
  return parsed && { jsDoc: parsed.jsDoc, text: spaced, unclosed };
}

const NO_POSITIONS: readonly number[] = [];

const DASH = 0x2d;

/**
 * `text`: the source the comment was parsed from (positions before its end are the file's).
 * Marker lines in tag texts are left out and added to `tagMarkers`.
 */
function docOf(jsDoc: ts.JSDoc, sf: ts.SourceFile, text: string, tagMarkers: string[]): DocInfo {
  const description = cleanDescription(tsApi.getTextOfJSDocComment(jsDoc.comment));
  // `@` in a fenced code block is a tag to TypeScript: one crdgen does not know is reported so,
  // and one it knows is warned of (and applied).
  const fenced = jsDoc.tags !== undefined && text.slice(jsDoc.pos, jsDoc.end).includes("```");
  const tags: RawTag[] = [];
  for (const tag of jsDoc.tags ?? []) {
    const read = tagText(text, tag);
    const raw: RawTag = {
      name: tag.tagName.text,
      text: read,
      origin: positionOrigin(sf, tag.getStart(sf), tag.end),
    };
    const problem = fenced ? codeBlockTagProblem(raw.name, text, jsDoc.pos, tag.pos) : undefined;
    if (problem) raw.problem = problem;
    if (read !== "") {
      raw.textOnTagLine = textOnTagLine(text, tag);
      // A marker on a line of its own within the tag's text (not on the tag's own line).
      if (mayHoldMarkers(read)) raw.text = withoutMarkers(read, tagMarkers, raw.textOnTagLine ? 1 : 0);
    }
    // Before the tag: it explains an error the tag's text may give (a fence's end read into it).
    const warning = fenced && !problem ? fencedTagWarning(raw, text, jsDoc.pos, tag.pos, sf) : undefined;
    if (warning) tags.push(warning);
    tags.push(raw);
  }
  return { description, tags };
}

/** Whether a tag's text starts on the tag's own line (`@example x`, not `@example` then a line). */
function textOnTagLine(source: string, tag: ts.JSDocTag): boolean {
  const raw = source.slice(tag.tagName.end, tag.end);
  const lineEnd = raw.indexOf("\n");
  return /\S/.test((lineEnd === -1 ? raw : raw.slice(0, lineEnd)).replace(/\*\/\s*$/, ""));
}

/** Printable ASCII without the characters that start tags (`@`), inline tags (`{`) or code spans. */
const PLAIN_LINE = /^[\x20-\x3f\x41-\x5f\x61-\x7a\x7c\x7e]*$/;

/** The same, with `@` and without `*` (which the parser treats specially inside tag text). */
const TAGGED_LINE = /^[\x20-\x29\x2b-\x5f\x61-\x7a\x7c\x7e]*$/;

/** A tag as the parser reads it on one line: `@`, after a space or first, a word, then a space or the end. */
const SIMPLE_TAG = /(?<=^| )@([A-Za-z][A-Za-z0-9]*)(?= |$)/y;

/**
 * The description and tags of one line of `TAGGED_LINE` text, as TypeScript's parser reads
 * them: the description runs to the first tag, each tag's text to the next. `undefined` when
 * an `@` is not a simple tag (`a@b`, `@a.b`, `@1`): the parser decides those.
 */
function simpleTags(content: string, sf: ts.SourceFile, start: number): DocInfo | undefined {
  const ats: number[] = [];
  for (let i = content.indexOf("@"); i !== -1; i = content.indexOf("@", i + 1)) ats.push(i);
  const tags: RawTag[] = [];
  for (let k = 0; k < ats.length; k++) {
    const at = ats[k]!;
    SIMPLE_TAG.lastIndex = at;
    const match = SIMPLE_TAG.exec(content);
    if (!match) return undefined;
    const name = match[1]!;
    const text = content.slice(at + 1 + name.length, ats[k + 1] ?? content.length).trim();
    const end = start + (ats[k + 1] ?? content.length);
    const tag: RawTag = { name, text, origin: positionOrigin(sf, start + at, end) };
    if (text !== "") tag.textOnTagLine = true; // one line: the text is on the tag's
    tags.push(tag);
  }
  const description = content.slice(0, ats[0]).trim();
  return { description: description || undefined, tags };
}

/** A tagged doc comment beside a member that TypeScript attaches to no declaration. */
export interface StrandedDoc {
  /** Where the comment starts. */
  pos: number;
  /**
   * What it follows on its line: the token before the member (`{ /** @maxItems 3 *\/ a`,
   * `b: string; /** @minimum 1 *\/ c`), or the member itself (`a: string /** @x *\/;`, and
   * after the last member, `d: string; /** @x *\/`).
   */
  follows: "token before" | "member";
}

/**
 * The tagged doc comments around `member` that TypeScript gives to no declaration, so that their
 * tags would be ignored without a word: those after the token before it on its line, those between
 * its type and its `;` or `,`, and, for the last member of its list, those after it on its line.
 * A comment after a member that is not the last is the next member's "token before" case, so each
 * comment is found once.
 */
export function strandedDocComments(
  member: ts.Node & { type?: ts.Node },
  isLast: boolean,
): readonly StrandedDoc[] {
  const text = member.getSourceFile().text;
  const typeEnd = member.type && member.type.end < member.end ? member.type.end : -1;
  // Nearly always the next thing at each place is a line break or a token: no scan, no allocation.
  if (
    !commentStartsAfter(text, member.pos) &&
    !(typeEnd >= 0 && commentStartsAfter(text, typeEnd)) &&
    !(isLast && commentStartsAfter(text, member.end))
  )
    return NONE;
  const found: StrandedDoc[] = [];
  for (const pos of taggedDocCommentsAfter(text, member.pos)) found.push({ pos, follows: "token before" });
  if (typeEnd >= 0)
    for (const pos of taggedDocCommentsAfter(text, typeEnd)) found.push({ pos, follows: "member" });
  if (isLast)
    for (const pos of taggedDocCommentsAfter(text, member.end)) found.push({ pos, follows: "member" });
  return found;
}

const NONE: readonly StrandedDoc[] = [];

/** Whether a block comment starts after `pos` on its line, past spaces and tabs. */
function commentStartsAfter(text: string, pos: number): boolean {
  let i = pos;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  return text.charCodeAt(i) === SLASH && text.charCodeAt(i + 1) === STAR;
}

/** Tagged doc comments after `pos` on its line (the comments TypeScript calls trailing there). */
function taggedDocCommentsAfter(text: string, pos: number): number[] {
  if (!commentStartsAfter(text, pos)) return [];
  const found: number[] = [];
  for (const range of tsApi.getTrailingCommentRanges(text, pos) ?? []) {
    const comment = text.slice(range.pos, range.end);
    if (
      comment.startsWith("/**") &&
      !comment.startsWith("/**/") &&
      /(?:^|[\s*])@[A-Za-z]/.test(comment.slice(3))
    )
      found.push(range.pos);
  }
  return found;
}

const SPACE = 0x20;
const TAB = 0x09;
const SLASH = 0x2f;
const STAR = 0x2a;

/**
 * Whether the doc comment `readDoc` would read contains `text` at all: a cheap test before
 * parsing, for scans over every declaration of a file.
 */
export function docMentions(node: ts.Node, text: string): boolean {
  const attached = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const sf = node.getSourceFile();
  const range = attached ? attached[attached.length - 1] : lastDocRange(node, sf);
  return range !== undefined && sf.text.slice(range.pos, range.end).includes(text);
}

/**
 * Where the JSDoc comment closest to `node` is, for the nodes the parser gives JSDoc to (in a
 * file parsed without JSDoc).
 */
function lastDocRange(node: ts.Node, sf: ts.SourceFile): ts.TextRange | undefined {
  if (!lazy || !lazy.canHaveJSDoc(node)) return undefined;
  const ranges = lazy.getJSDocCommentRanges(node, sf.text);
  return ranges?.[ranges.length - 1];
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
  if (!raw.includes("\n") && !raw.includes("\r")) {
    const text = raw.trim();
    return text.endsWith("*/") ? text.slice(0, -2).trim() : text;
  }
  return raw
    .split(/\r\n?|\n/)
    .map((line, i) => (i === 0 ? line : line.replace(/^\s*\*(?!\/)\s?/, "")))
    .join("\n")
    .replace(/\*\/\s*$/, "")
    .trim();
}

function cleanDescription(text: string | undefined): string | undefined {
  // A lone CR (classic Mac line ends) is a line break to TypeScript, which keeps it in the text.
  const t = text?.replace(/\r\n?/g, "\n").trim();
  return t ? t : undefined;
}
