/**
 * A fast reader for the block-style YAML that Kubernetes tooling writes (controller-gen,
 * kubectl, helm, the `yaml` package): block mappings and sequences, plain, quoted and block
 * scalars (folded lines included), comments, flow sequences of scalars on one line, and LF or
 * CRLF line breaks.
 *
 * It gives exactly the values the `yaml` package gives (YAML 1.2 core schema) to the documents
 * that are not empty (whose nulls kubectl skips, see load.ts), or gives up (undefined) as soon as
 * the text leaves that subset (anchors, aliases, tags, directives, flow mappings, anything that
 * might be an error), and the caller reads the stream with the `yaml` package instead. `crdgen check` reads tens of megabytes of such YAML:
 * the corpus's 27 MB take ~0.2 s here, ~0.9 s in js-yaml and ~2.5 s in the `yaml` package. Tests
 * hold it to the `yaml` package's values on the corpus, on generated streams in every style
 * that package writes, and on random edits of both.
 */
import {
  TAB,
  NL,
  SPACE,
  DQUOTE,
  HASH,
  SQUOTE,
  PLUS,
  COMMA,
  DASH,
  COLON,
  QUESTION,
  GT,
  LBRACKET,
  BACKSLASH,
  RBRACKET,
  LBRACE,
  PIPE,
  RBRACE,
  INDICATORS,
  FLOW_INDICATORS,
  MAY_DIFFER,
  ESCAPES,
  HEX_ESCAPE_DIGITS,
  isBlank,
  isSeparator,
} from "./block-chars.js";
import { resolvePlain } from "./core-schema.js";
import { hashNext, SeenStrings } from "./seen-strings.js";
import { MAX_NESTING } from "./nesting.js";
import { yaml11DifferenceOf, type Yaml11Difference } from "./yaml11.js";
import { LineCounter } from "yaml";

export interface BlockRead {
  /** One value per document that has one, each a mapping or a sequence (empty documents have none). */
  values: unknown[];
  /** The index of each value's document in the stream, as the `yaml` package counts them (empty ones too). */
  indices: number[];
  /** Plain scalars that YAML 1.1 readers (kubectl) read differently, found on the way. */
  yaml11: Yaml11Difference[];
  /** Where `values[i]` starts (its first key or item). */
  startOf(i: number): { line: number; column: number };
}

/** The documents of `text`, or undefined when it is not in the subset this reader handles. */
export function readBlockYaml(text: string): BlockRead | undefined {
  // YAML reads a CRLF line break as LF, in scalars too; lines and columns stay where they were.
  const lines = text.includes("\r") ? text.replaceAll("\r\n", "\n") : text;
  // Lone carriage returns, a byte-order mark, control and non-characters: left to the full parser.
  // (So a stream read here holds none of the characters kubectl refuses: check/load.ts relies on it.)
  if (OUTSIDE_CHARACTERS.test(lines)) return undefined;
  try {
    return new BlockReader(lines).stream();
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}

/** Plain keys read before, shared by every stream read (see seen-strings.ts). */
const SEEN_KEYS = new SeenStrings();

const OUTSIDE_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/;

/** Thrown where the text leaves the subset; made once, since giving up needs no stack trace. */
class OutsideSubset extends Error {}
const OUTSIDE = new OutsideSubset("outside the block YAML subset");
function outside(): never {
  throw OUTSIDE;
}

/** As a parent column: no continuation line is indented enough, so the scalar must end on its line. */
export const ONE_LINE = Number.POSITIVE_INFINITY;

const enum Chomp {
  Clip,
  Strip,
  Keep,
}

class BlockReader {
  /** Where reading is: a line's start, its first content character, or inside a node. */
  private pos = 0;
  /** The column of the content line `pos` is at, after `nextContentLine`; -1 at the end. */
  private indent = -1;
  /** Whether `nextContentLine` passed a comment line on its way. */
  private passedComment = false;
  private readonly yaml11: Yaml11Difference[] = [];
  /** Line starts, indexed on the first position asked for (YAML 1.1 findings need one). */
  private lines: LineCounter | undefined;
  /** How far `lines` holds the line starts (see position). */
  private counted = 0;
  /** How many collections are open. */
  private depth = 0;

  constructor(private readonly text: string) {}

  stream(): BlockRead {
    const values: unknown[] = [];
    const indices: number[] = [];
    const starts: number[] = [];
    // A `---` was read and its document has had no content yet.
    let open = false;
    // The index the `yaml` package gives the next document: each `---` starts one, empty or not.
    let index = 0;
    this.nextContentLine();
    while (this.indent >= 0) {
      if (this.atMarker("---")) {
        // An empty document (`---` twice, or with only comments between): a null, which is skipped.
        if (open) index++;
        open = true;
        this.pos += 3;
        this.endLine();
        this.nextContentLine();
        continue;
      }
      // Directives, document ends, and scalars as documents are left to the full parser.
      starts.push(this.pos);
      indices.push(index++);
      values.push(this.collection(this.indent));
      open = false;
      if (this.indent >= 0 && !this.atMarker("---")) outside();
    }
    // A stream of empty documents alone is rare: the full parser decides what it holds.
    if (values.length === 0) outside();
    return {
      values,
      indices,
      yaml11: this.yaml11,
      startOf: (i) => this.position(starts[i] ?? 0),
    };
  }

  // --- lines -------------------------------------------------------------------------------

  /** From a line's start, skips blank and comment lines; stops at the next content character. */
  private nextContentLine(): void {
    const t = this.text;
    const length = t.length;
    let p = this.pos;
    this.passedComment = false;
    for (;;) {
      if (p >= length) {
        this.pos = length;
        this.indent = -1;
        return;
      }
      let s = p;
      while (t.charCodeAt(s) === SPACE) s++;
      const c = t.charCodeAt(s);
      if (c === NL) {
        p = s + 1;
      } else if (c === HASH) {
        const nl = t.indexOf("\n", s);
        p = nl < 0 ? length : nl + 1;
        this.passedComment = true;
      } else if (Number.isNaN(c)) {
        p = length;
      } else {
        if (c === TAB) outside(); // a tab in indentation
        this.pos = s;
        this.indent = s - p;
        return;
      }
    }
  }

  /** The rest of the line holds nothing but blanks and a comment; moves to the next line. */
  private endLine(): void {
    const t = this.text;
    let p = this.pos;
    const blanks = p;
    while (isBlank(t.charCodeAt(p))) p++;
    const c = t.charCodeAt(p);
    if (c === HASH && p > blanks) {
      const nl = t.indexOf("\n", p);
      this.pos = nl < 0 ? t.length : nl + 1;
    } else if (c === NL) {
      this.pos = p + 1;
    } else if (Number.isNaN(c)) {
      this.pos = t.length;
    } else {
      outside();
    }
  }

  /** A document start marker at the start of the current content line (`...` is left to the full parser). */
  private atMarker(marker: "---"): boolean {
    return (
      this.indent === 0 &&
      this.text.startsWith(marker, this.pos) &&
      isSeparator(this.text.charCodeAt(this.pos + 3))
    );
  }

  private atSequenceEntry(): boolean {
    const t = this.text;
    if (t.charCodeAt(this.pos) !== DASH) return false;
    const next = t.charCodeAt(this.pos + 1);
    return next === SPACE || next === NL || Number.isNaN(next);
  }

  private canStartPlain(p: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (Number.isNaN(c) || isSeparator(c)) return false;
    if (!INDICATORS.has(c)) return true;
    return (c === DASH || c === COLON || c === QUESTION) && !isSeparator(t.charCodeAt(p + 1));
  }

  /**
   * The line and column of `offset`. Lines are counted only as far as asked: most files are
   * asked for one place near their start (a document's first key), and counting the lines of a
   * whole 20,000-line CRD for it cost `crdgen check` of the corpus a tenth of its time.
   */
  private position(offset: number): { line: number; column: number } {
    const t = this.text;
    if (!this.lines) {
      this.lines = new LineCounter();
      this.lines.addNewLine(0);
    }
    for (let i = t.indexOf("\n", this.counted); i >= 0 && i < offset; i = t.indexOf("\n", i + 1)) {
      this.lines.addNewLine(i + 1);
      this.counted = i + 1;
    }
    if (this.counted < offset) this.counted = offset;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  // --- collections -------------------------------------------------------------------------

  /** The block collection whose first entry starts at `pos`, in column `column`. */
  private collection(column: number): unknown {
    return this.atSequenceEntry() ? this.sequence(column) : this.mapping(column);
  }

  private mapping(column: number): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    for (;;) {
      const key = this.key();
      // `__proto__` would set the prototype; duplicates are errors the full parser words.
      if (key === "__proto__" || Object.hasOwn(map, key)) outside();
      map[key] = this.value(column);
      if (this.indent !== column || this.atMarker("---")) break;
      if (this.atSequenceEntry()) outside();
    }
    if (this.indent > column) outside();
    this.depth--;
    return map;
  }

  private sequence(column: number): unknown[] {
    this.enter();
    const t = this.text;
    const list: unknown[] = [];
    for (;;) {
      this.pos++; // the dash
      const afterDash = this.pos;
      while (t.charCodeAt(this.pos) === SPACE) this.pos++;
      const c = t.charCodeAt(this.pos);
      if (c === NL || Number.isNaN(c) || (c === HASH && this.pos > afterDash)) {
        this.endLine();
        this.nextContentLine();
        // An entry with no value (null) is rare enough to leave to the full parser.
        if (this.indent <= column) outside();
        list.push(this.nodeOnNextLines(column));
      } else {
        if (c === TAB) outside();
        const entryColumn = column + 1 + (this.pos - afterDash);
        if (this.atSequenceEntry()) list.push(this.sequence(entryColumn));
        else if (this.startsMappingEntry()) list.push(this.mapping(entryColumn));
        else list.push(this.inlineScalar(column));
      }
      if (this.indent !== column || !this.atSequenceEntry()) break;
    }
    if (this.indent > column) outside();
    this.depth--;
    return list;
  }

  /** One collection deeper; nesting beyond crdgen's limit is left to the full parse, which reports it. */
  private enter(): void {
    if (++this.depth > MAX_NESTING) outside();
  }

  /** Whether the line from `pos` is `key: ...` (a compact mapping in a sequence entry). */
  private startsMappingEntry(): boolean {
    const t = this.text;
    let p = this.pos;
    const c = t.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      // Find the closing quote on this line; a quoted scalar running on is no key.
      p++;
      for (;;) {
        const d = t.charCodeAt(p);
        if (d === NL || Number.isNaN(d)) return false;
        if (c === DQUOTE && d === BACKSLASH) p += 2;
        else if (d === c && !(c === SQUOTE && t.charCodeAt(p + 1) === SQUOTE)) break;
        else p += d === SQUOTE && c === SQUOTE ? 2 : 1;
      }
      p++;
      while (isBlank(t.charCodeAt(p))) p++;
      return t.charCodeAt(p) === COLON && isSeparator(t.charCodeAt(p + 1));
    }
    if (!this.canStartPlain(p)) return false;
    for (;;) {
      const d = t.charCodeAt(p);
      if (d === NL || Number.isNaN(d)) return false;
      if (d === COLON && isSeparator(t.charCodeAt(p + 1))) return true;
      if (d === HASH && isBlank(t.charCodeAt(p - 1))) return false;
      p++;
    }
  }

  /** A mapping key and its `:`; keys are one line, and read as the `yaml` package stringifies them. */
  private key(): string {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === DQUOTE || c === SQUOTE) {
      const key = this.quoted(ONE_LINE);
      while (isBlank(t.charCodeAt(this.pos))) this.pos++;
      if (t.charCodeAt(this.pos) !== COLON || !isSeparator(t.charCodeAt(this.pos + 1))) outside();
      this.pos++;
      return key;
    }
    if (!this.canStartPlain(start)) outside();
    let p = start;
    let hash = 0;
    for (;;) {
      const d = t.charCodeAt(p);
      if (d === COLON && isSeparator(t.charCodeAt(p + 1))) break;
      if (d === NL || Number.isNaN(d) || (d === HASH && isBlank(t.charCodeAt(p - 1)))) outside();
      hash = hashNext(hash, d);
      p++;
    }
    let end = p;
    while (isBlank(t.charCodeAt(end - 1))) end--;
    // Implicit keys are at most 1024 characters.
    if (end - start > 1024) outside();
    this.pos = p + 1;
    // Blanks before the colon (rare) are in the hash: a miss, never a wrong hit, as `find` compares.
    const seen = SEEN_KEYS.find(t, start, end, hash);
    if (seen !== undefined) return seen;
    const noted = this.yaml11.length;
    const key = this.plain(t.slice(start, end), start, true);
    if (typeof key === "string") {
      // Only keys that read as themselves, and that YAML 1.1 reads so too (a difference is noted
      // at each place: one taken from the table would go unnoted).
      if (key.length === end - start && this.yaml11.length === noted) SEEN_KEYS.remember(key, hash);
      return key;
    }
    if (key === null) return "";
    if (typeof key === "boolean" || Number.isSafeInteger(key)) return String(key);
    return outside();
  }

  /** The value after a mapping key's `:`, the mapping being in `column`. */
  private value(column: number): unknown {
    const t = this.text;
    const afterColon = this.pos;
    while (isBlank(t.charCodeAt(this.pos))) this.pos++;
    const c = t.charCodeAt(this.pos);
    if (c === NL || Number.isNaN(c) || (c === HASH && this.pos > afterColon)) {
      this.endLine();
      this.nextContentLine();
      if (this.indent > column) return this.nodeOnNextLines(column);
      // A sequence may sit in its key's column.
      if (this.indent === column && this.atSequenceEntry()) return this.sequence(column);
      return null;
    }
    return this.inlineScalar(column);
  }

  /** A node that starts on a line of its own, indented past its parent collection's `column`. */
  private nodeOnNextLines(column: number): unknown {
    if (this.atSequenceEntry() || this.startsMappingEntry()) return this.collection(this.indent);
    // The yaml package rejects some scalars that follow a comment line here (`#c` at column 0).
    if (this.passedComment) outside();
    return this.inlineScalar(column);
  }

  // --- scalars -----------------------------------------------------------------------------

  /**
   * A scalar starting at `pos`; `parent` is the column of the collection holding it:
   * continuation lines must be indented further, and block scalars' indentation indicators
   * count from it.
   */
  private inlineScalar(parent: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    let value: unknown;
    if (c === PIPE || c === GT) return this.blockScalar(parent);
    if (c === DQUOTE || c === SQUOTE) value = this.quoted(parent);
    else if (c === LBRACKET || c === LBRACE) value = this.flowCollection();
    else if (this.canStartPlain(this.pos)) return this.plainScalar(parent);
    else outside();
    this.endLine();
    this.nextContentLine();
    return value;
  }

  /** A plain scalar's value, noting it if YAML 1.1 reads it differently. */
  private plain(source: string, start: number, isKey: boolean): unknown {
    if (MAY_DIFFER.has(source.charCodeAt(0))) {
      const difference = yaml11DifferenceOf(source, isKey, () => this.position(start));
      if (difference) this.yaml11.push(difference);
    }
    return resolvePlain(source);
  }

  /**
   * The end of a plain scalar's text on the line from `p` (trailing blanks and a comment cut);
   * `: ` inside it would make it a key, which a value cannot be.
   */
  private plainLineEnd(p: number): { end: number; lineEnd: number; comment: boolean } {
    const t = this.text;
    let i = p;
    let comment = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === NL || Number.isNaN(c)) break;
      if (c === COLON && isSeparator(t.charCodeAt(i + 1))) outside();
      if (c === HASH && isBlank(t.charCodeAt(i - 1))) {
        comment = true;
        break;
      }
      i++;
    }
    let end = i;
    while (isBlank(t.charCodeAt(end - 1))) end--;
    const nl = comment ? t.indexOf("\n", i) : i;
    return { end, lineEnd: nl < 0 ? t.length : nl, comment };
  }

  private plainScalar(parent: number): unknown {
    const t = this.text;
    const start = this.pos;
    let line = this.plainLineEnd(start);
    let value = t.slice(start, line.end);
    this.pos = line.lineEnd;
    // Continuation lines: indented past the parent, folded into one line.
    while (!line.comment && this.pos < t.length) {
      const save = this.pos;
      let empties = 0;
      let p = this.pos + 1;
      let s = p;
      for (;;) {
        while (t.charCodeAt(s) === SPACE) s++;
        if (t.charCodeAt(s) !== NL) break;
        empties++;
        p = s + 1;
        s = p;
      }
      const c = t.charCodeAt(s);
      if (Number.isNaN(c) || s - p <= parent || c === HASH) {
        this.pos = save;
        break;
      }
      // Any character may start a continuation line but `#` (a comment, above) and `:`.
      if (c === TAB || c === COLON) outside();
      line = this.plainLineEnd(s);
      value += empties === 0 ? " " : "\n".repeat(empties);
      value += t.slice(s, line.end);
      this.pos = line.lineEnd;
    }
    this.pos = this.pos < t.length ? this.pos + 1 : t.length;
    this.nextContentLine();
    return this.plain(value, start, false);
  }

  /**
   * A quoted scalar's line break at `nl`: the text since `segment` without its trailing blanks,
   * then the break folded (a space, or one newline per empty line), and where the next line's
   * text starts. Continuation lines must be indented past `parent`.
   */
  private foldQuotedLine(segment: number, nl: number, parent: number): { text: string; next: number } {
    const t = this.text;
    if (parent === ONE_LINE) outside();
    let end = nl;
    while (end > segment && isBlank(t.charCodeAt(end - 1))) end--;
    let empties = 0;
    let p = nl + 1;
    for (;;) {
      let s = p;
      while (t.charCodeAt(s) === SPACE) s++;
      const c = t.charCodeAt(s);
      if (c === NL) {
        empties++;
        p = s + 1;
        continue;
      }
      if (Number.isNaN(c) || c === TAB || s - p <= parent) outside();
      return { text: t.slice(segment, end) + (empties === 0 ? " " : "\n".repeat(empties)), next: s };
    }
  }

  /**
   * A single- or double-quoted scalar from its opening quote at `pos`: `''` is a quote inside
   * single quotes, backslash escapes work inside double quotes, and line breaks fold.
   */
  private quoted(parent: number): string {
    const t = this.text;
    const quote = t.charCodeAt(this.pos);
    let p = this.pos + 1;
    let segment = p;
    let out = "";
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === quote) {
        out += t.slice(segment, p);
        if (quote === DQUOTE || t.charCodeAt(p + 1) !== SQUOTE) break;
        out += "'";
        p = segment = p + 2;
      } else if (c === BACKSLASH && quote === DQUOTE) {
        out += t.slice(segment, p);
        const escape = this.escape(p, parent);
        out += escape.text;
        p = segment = escape.next;
      } else if (c === NL) {
        const fold = this.foldQuotedLine(segment, p, parent);
        out += fold.text;
        p = segment = fold.next;
      } else if (Number.isNaN(c)) {
        outside();
      } else {
        p++;
      }
    }
    this.pos = p + 1;
    return out;
  }

  /** The double-quoted escape at `at` (a backslash): what it stands for and where text resumes. */
  private escape(at: number, parent: number): { text: string; next: number } {
    const t = this.text;
    const e = t.charCodeAt(at + 1);
    const simple = ESCAPES.get(e);
    if (simple !== undefined) return { text: simple, next: at + 2 };
    const digits = HEX_ESCAPE_DIGITS.get(e);
    if (digits !== undefined) {
      const hex = t.slice(at + 2, at + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) outside();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) outside();
      return {
        text: digits === 8 ? String.fromCodePoint(code) : String.fromCharCode(code),
        next: at + 2 + digits,
      };
    }
    if (e !== NL || parent === ONE_LINE) outside();
    // An escaped line break joins the lines with nothing between them.
    let s = at + 2;
    while (t.charCodeAt(s) === SPACE) s++;
    const d = t.charCodeAt(s);
    if (d === NL || d === TAB || Number.isNaN(d) || s - (at + 2) <= parent) outside();
    return { text: "", next: s };
  }

  /** `|` or `>` with optional chomping and indentation indicators, then the indented lines. */
  private blockScalar(parent: number): string {
    const t = this.text;
    let p = this.pos;
    const folded = t.charCodeAt(p) === GT;
    p++;
    let chomp = Chomp.Clip;
    let explicit = 0;
    for (let k = 0; k < 2; k++) {
      const c = t.charCodeAt(p);
      if (c === DASH && chomp === Chomp.Clip) chomp = Chomp.Strip;
      else if (c === PLUS && chomp === Chomp.Clip) chomp = Chomp.Keep;
      else if (c >= 49 && c <= 57 && explicit === 0) explicit = c - 48;
      else break;
      p++;
    }
    this.pos = p;
    this.endLine();
    p = this.pos;

    let indent: number;
    if (explicit > 0) {
      indent = parent + explicit;
    } else {
      // The first non-empty line sets the indentation; empty lines before it may not be longer.
      let longestEmpty = 0;
      let q = p;
      for (;;) {
        let s = q;
        while (t.charCodeAt(s) === SPACE) s++;
        const c = t.charCodeAt(s);
        if (c !== NL) {
          // Only empty lines (or a dedent straight away): an empty scalar, rare; left to the full parser.
          if (Number.isNaN(c) || s - q <= parent) outside();
          indent = s - q;
          break;
        }
        longestEmpty = Math.max(longestEmpty, s - q);
        q = s + 1;
      }
      if (longestEmpty > indent) outside();
    }
    if (indent <= parent) outside();

    // Each line with its indentation removed; "" for an empty line.
    const lines: string[] = [];
    for (;;) {
      if (p >= t.length) break;
      let s = p;
      const stop = p + indent;
      while (s < stop && t.charCodeAt(s) === SPACE) s++;
      const c = t.charCodeAt(s);
      if (s < stop) {
        if (c === NL) {
          lines.push("");
          p = s + 1;
          continue;
        }
        if (Number.isNaN(c)) {
          p = t.length;
          break;
        }
        if (c === TAB) outside();
        break; // a less indented line ends the scalar
      }
      const nl = t.indexOf("\n", s);
      if (nl < 0) {
        if (s < t.length) lines.push(this.blockLine(s, t.length));
        p = t.length;
        break;
      }
      lines.push(this.blockLine(s, nl));
      p = nl + 1;
    }
    this.pos = p;
    this.nextContentLine();

    let last = lines.length - 1;
    while (last >= 0 && lines[last] === "") last--;
    if (last < 0) outside();
    const body = folded ? foldLines(lines, last) : joinLines(lines, last);
    if (chomp === Chomp.Strip) return body;
    if (chomp === Chomp.Clip) return body + "\n";
    return body + "\n".repeat(lines.length - last);
  }

  /** A block scalar's line from its indentation on. */
  private blockLine(start: number, end: number): string {
    const line = this.text.slice(start, end);
    // Spaces alone past the indentation: the yaml package keeps or drops them by rules of its own.
    if (line.charCodeAt(0) === SPACE && /^ +$/.test(line)) outside();
    return line;
  }

  /** `[]`, `{}`, or a flow sequence of scalars, all on one line. */
  private flowCollection(): unknown[] | Record<string, never> {
    const t = this.text;
    const open = t.charCodeAt(this.pos);
    this.pos++;
    this.skipSpaces();
    if (open === LBRACE) {
      if (t.charCodeAt(this.pos) !== RBRACE) outside();
      this.pos++;
      return {};
    }
    const list: unknown[] = [];
    if (t.charCodeAt(this.pos) === RBRACKET) {
      this.pos++;
      return list;
    }
    for (;;) {
      const c = t.charCodeAt(this.pos);
      list.push(c === DQUOTE || c === SQUOTE ? this.quoted(ONE_LINE) : this.flowPlain());
      this.skipSpaces();
      const d = t.charCodeAt(this.pos);
      this.pos++;
      if (d === RBRACKET) return list;
      if (d !== COMMA) outside();
      this.skipSpaces();
      // A trailing comma is left to the full parser.
      if (t.charCodeAt(this.pos) === RBRACKET) outside();
    }
  }

  /** A plain scalar inside a flow sequence: up to `,` or `]`, with no indicator that could nest. */
  private flowPlain(): unknown {
    const t = this.text;
    const start = this.pos;
    // In flow, `-`, `?` and `:` start a plain scalar only before a character that is no flow indicator.
    const second = t.charCodeAt(start + 1);
    if (!this.canStartPlain(start) || (INDICATORS.has(t.charCodeAt(start)) && FLOW_INDICATORS.has(second)))
      outside();
    let p = start;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === COMMA || c === RBRACKET) break;
      if (
        c === NL ||
        Number.isNaN(c) ||
        c === COLON ||
        c === HASH ||
        c === LBRACKET ||
        c === LBRACE ||
        c === RBRACE
      )
        outside();
      p++;
    }
    let end = p;
    while (isBlank(t.charCodeAt(end - 1))) end--;
    this.pos = p;
    return this.plain(t.slice(start, end), start, false);
  }

  private skipSpaces(): void {
    while (isBlank(this.text.charCodeAt(this.pos))) this.pos++;
  }
}

/** A literal block scalar's lines up to `last`, joined. */
function joinLines(lines: readonly string[], last: number): string {
  let out = lines[0]!;
  for (let i = 1; i <= last; i++) out += "\n" + lines[i]!;
  return out;
}

/**
 * A folded block scalar's lines up to `last`: a break between two lines of text becomes a
 * space, empty lines between them newlines; breaks next to a more indented line are kept.
 */
function foldLines(lines: readonly string[], last: number): string {
  let out = "";
  let empties = 0;
  let previous: string | undefined;
  for (let i = 0; i <= last; i++) {
    const line = lines[i]!;
    if (line === "") {
      empties++;
      continue;
    }
    if (previous === undefined) out += "\n".repeat(empties);
    else if (isBlank(previous.charCodeAt(0)) || isBlank(line.charCodeAt(0))) out += "\n".repeat(empties + 1);
    else out += empties === 0 ? " " : "\n".repeat(empties);
    out += line;
    previous = line;
    empties = 0;
  }
  return out;
}
