/**
 * Source positions as users see them: absolute file, 1-based line and column, and the span they
 * cover (a declaration's name, a node, a tag with its text on its line) for code frames to
 * underline as tsc does.
 */
import type { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import { tsApi } from "./typescript.js";

const { SyntaxKind } = tsApi;

/** `pos` of `sf`, spanning `length` characters when given (a TypeScript diagnostic's start and length). */
export function locationOf(sf: ts.SourceFile, pos: number, length?: number): SourceLocation {
  return spanOf(sf, pos, length === undefined ? pos : pos + length);
}

/**
 * Location of a node: of a declaration's name (a property, a type), as tsc points at one; of any
 * other node, from its first token (skipping its JSDoc and trivia) to its end.
 */
export function nodeLocation(node: ts.Node): SourceLocation {
  // The reader asks for the same node several times in a row (a property, then its type).
  if (node === lastNode) return lastLocation!;
  const sf = node.getSourceFile();
  const target = pointedAt(node);
  const location = spanOf(sf, target.getStart(sf, false), target.end);
  lastNode = node;
  lastLocation = location;
  return location;
}

let lastNode: ts.Node | undefined;
let lastLocation: SourceLocation | undefined;

/** `start` to `end` of `file`; a point when the span is empty. */
function spanOf(file: ts.SourceFileLike & { fileName: string }, start: number, end: number): SourceLocation {
  const lc = file.getLineAndCharacterOfPosition(start);
  const location: SourceLocation = { file: file.fileName, line: lc.line + 1, column: lc.character + 1 };
  if (end <= start) return location;
  const last = file.getLineAndCharacterOfPosition(end);
  location.endLine = last.line + 1;
  location.endColumn = last.character + 1;
  return location;
}

/** Declarations whose name is what a location of them points at and underlines. */
const NAMED = new Set<ts.SyntaxKind>([
  SyntaxKind.PropertySignature,
  SyntaxKind.PropertyDeclaration,
  SyntaxKind.MethodSignature,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
  SyntaxKind.InterfaceDeclaration,
  SyntaxKind.TypeAliasDeclaration,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.EnumDeclaration,
  SyntaxKind.EnumMember,
]);

/** The name of a declaration in NAMED (when it has one: `export default class {}` has none), else `node`. */
function pointedAt(node: ts.Node): ts.Node {
  return (NAMED.has(node.kind) && (node as ts.NamedDeclaration).name) || node;
}

/**
 * Where an IR node or a tag was written, worked out when first read. The reader gives every
 * IR node and tag an origin, yet only the few a diagnostic points at are ever read: finding each
 * node's first token and line up front was a fifth of reading 1,000 types. A lazy location keeps
 * the file's text and the node's full start and end, not the node: the program's syntax trees
 * are let go after reading (a fifth of a large run's peak memory), and IR origins live on.
 * Reading a field, or JSON, gives what `nodeLocation` gives; a diagnostic takes a plain copy
 * (`plainLocation`), so what crdgen reports is plain data that survives spreading and
 * structured cloning.
 */
class LazyLocation implements SourceLocation {
  #file: FileText;
  #pos: number;
  /** Where the span ends at the latest; -1 for none. */
  #end: number;
  /**
   * Whether `#pos` is a node's full start, before the trivia (JSDoc included) that precede its
   * first token; else a position whose span stops at the end of its line (a tag's).
   */
  #node: boolean;
  #resolved: SourceLocation | undefined;

  constructor(file: FileText, pos: number, end: number, node: boolean) {
    this.#file = file;
    this.#pos = pos;
    this.#end = end;
    this.#node = node;
  }

  get file(): string {
    return this.#file.fileName;
  }
  get line(): number {
    return this.resolve().line;
  }
  get column(): number {
    return this.resolve().column;
  }
  get endLine(): number | undefined {
    return this.resolve().endLine;
  }
  get endColumn(): number | undefined {
    return this.resolve().endColumn;
  }

  toJSON(): SourceLocation {
    return this.resolve();
  }

  /** Points where `other` points: the same place, moved within its file by an edit above it. */
  moveTo(other: LazyLocation): void {
    this.#file = other.#file;
    this.#pos = other.#pos;
    this.#end = other.#end;
    this.#node = other.#node;
    this.#resolved = other.#resolved;
  }

  /** The file version it points into, and where (see lazyPlace). */
  get place(): LazyPlace {
    return { text: this.#file, fileName: this.#file.fileName, pos: this.#pos };
  }

  /** Points `delta` characters further on, in `to`: the same place in a later version of the file. */
  shift(to: FileText, delta: number): void {
    this.#file = to;
    this.#pos += delta;
    if (this.#end >= 0) this.#end += delta;
    this.#resolved = undefined;
  }

  private resolve(): SourceLocation {
    if (this.#resolved) return this.#resolved;
    const file = this.#file;
    const start = this.#node ? firstTokenAt(file.text, this.#pos) : this.#pos;
    const end = this.#node || this.#end < 0 ? this.#end : endOnLine(file.text, start, this.#end);
    return (this.#resolved = spanOf(file, start, end));
  }
}

/**
 * Where what starts at `start` ends on its line, at `end` at the latest: before the line break,
 * trailing blanks and the `*\/` of a comment (`@maxLength 5` of `/** @maxLength 5 *\/`).
 */
function endOnLine(text: string, start: number, end: number): number {
  let stop = start;
  while (stop < end && !LINE_BREAKS.has(text.charCodeAt(stop))) stop++;
  if (text.startsWith("*/", stop - 2) && stop - 2 >= start) stop -= 2;
  while (stop > start && BLANKS.has(text.charCodeAt(stop - 1))) stop--;
  return stop;
}

/** LF, CR, U+2028 and U+2029: the line breaks TypeScript counts. */
const LINE_BREAKS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
const BLANKS = new Set([0x20, 0x09, 0x0b, 0x0c, 0xa0, 0xfeff]);

/** What lazy locations keep of a source file (TypeScript caches the line starts on it as on a SourceFile). */
class FileText implements ts.SourceFileLike {
  constructor(
    readonly fileName: string,
    readonly text: string,
  ) {}

  getLineAndCharacterOfPosition(pos: number): ts.LineAndCharacter {
    return tsApi.getLineAndCharacterOfPosition(this, pos);
  }
}

const fileTexts = new WeakMap<ts.SourceFile, FileText>();

function fileTextOf(sf: ts.SourceFile): FileText {
  let text = fileTexts.get(sf);
  if (!text) fileTexts.set(sf, (text = new FileText(sf.fileName, sf.text)));
  return text;
}

/** The start of the first token at or after `pos`, as `node.getStart()` finds it from `node.pos`. */
function firstTokenAt(text: string, pos: number): number {
  scanner.setText(text, pos);
  scanner.scan();
  const start = scanner.getTokenStart();
  scanner.setText(undefined);
  return start;
}

const scanner = tsApi.createScanner(tsApi.ScriptTarget.Latest, /* skipTrivia */ true);

/**
 * Whether `a` and `b` are lazy locations (nodeOrigin, positionOrigin) in one file: the same place
 * of a reading, at positions an edit above it may have moved. Not worked out.
 */
export function inSameFile(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof LazyLocation) || !(b instanceof LazyLocation)) return undefined;
  return a.file === b.file;
}

/**
 * Makes `from`, a lazy location of an earlier run, point where `to` does (both from inSameFile):
 * what holds it (a watch session's drafts and what was made of them) then reports the place
 * as the file is now.
 */
export function moveLocation(from: SourceLocation, to: SourceLocation): void {
  if (from instanceof LazyLocation && to instanceof LazyLocation) from.moveTo(to);
}

/** Where a lazy location points: a version of a file (as `fileVersion` gives it) and a position there. */
export interface LazyPlace {
  readonly text: ts.SourceFileLike;
  readonly fileName: string;
  readonly pos: number;
}

/** Where a lazy location (nodeOrigin, positionOrigin) points; undefined for any other value. */
export function lazyPlace(value: unknown): LazyPlace | undefined {
  return value instanceof LazyLocation ? value.place : undefined;
}

/** What lazy locations in `sf` hold of it: compare with `lazyPlace(...).text`. */
export function fileVersion(sf: ts.SourceFile): ts.SourceFileLike {
  return fileTextOf(sf);
}

/**
 * Makes a lazy location point `delta` characters further on, in `to`: where the same text is in
 * a later version of its file (an edit above it moved it). What holds the location (a watch
 * session's reused readings and what later stages made of them) then reports that place.
 */
export function shiftLocation(location: SourceLocation, to: ts.SourceFile, delta: number): void {
  if (location instanceof LazyLocation) location.shift(fileTextOf(to), delta);
}

/** Where `node` is (as `nodeLocation` finds it), worked out when first read (see LazyLocation). */
export function nodeOrigin(node: ts.Node): SourceLocation {
  if (node === lastOriginNode) return lastOrigin!;
  lastOriginNode = node;
  const target = pointedAt(node);
  return (lastOrigin = new LazyLocation(fileTextOf(node.getSourceFile()), target.pos, target.end, true));
}

let lastOriginNode: ts.Node | undefined;
let lastOrigin: SourceLocation | undefined;

/**
 * Position `pos` of `sf`, worked out when first read (see LazyLocation). With `end`, it spans
 * what starts there to the end of its line at most, without trailing blanks and a comment's
 * `*\/`: the tag with its text on its line, for a tag at `pos` whose text ends at `end`.
 */
export function positionOrigin(sf: ts.SourceFile, pos: number, end?: number): SourceLocation {
  return new LazyLocation(fileTextOf(sf), pos, end ?? -1, false);
}
