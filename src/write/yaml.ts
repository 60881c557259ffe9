/**
 * YAML that every Kubernetes YAML reader reads the same way, written directly from the JSON
 * data a CRD is. A general YAML library builds a node tree first, which was half of a large
 * run's time; CRDs need only block mappings and sequences of JSON scalars.
 *
 * A string is written plain only when both YAML 1.2 and YAML 1.1 (kubectl reads 1.1, where
 * `y`, `no`, `on`, `0777`, `1:20` or `2024-01-01` are not strings) would read it back as the
 * same string; multi-line strings are `|-` blocks when that keeps them exact; everything else
 * is a double-quoted scalar (JSON string syntax is valid YAML there, with the characters go-yaml
 * would refuse or fold escaped). The property tests parse the output back with a YAML 1.1 and a
 * 1.2 reader.
 */
import { Utf8Text } from "./utf8-text.js";

/** YAML 1.1's booleans, nulls, merge key and value key, as plain scalars. */
const YAML11_WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|=|<<)$/;
/**
 * Anything shaped like a YAML int or float: decimal with `_`, sexagesimal `1:20`, exponents.
 * Deliberately loose (it also matches `.`, `+`, `e0`): a needless quote is harmless, and some
 * 1.1 readers (the yaml package's) read those as numbers.
 */
const NUMBER_LIKE = /^[-+]?(?:[0-9][0-9_:]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/;
const RADIX_INT = /^[-+]?0(?:b[01_]+|x[0-9a-fA-F_]+|o?[0-7_]+)$/;
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;
const TIMESTAMP = /^[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:$|[Tt \t])/;

/** True when YAML 1.1 or 1.2 would read this plain scalar as something other than this string. */
export function misreadAsOtherType(text: string): boolean {
  return (
    text === "" ||
    YAML11_WORDS.test(text) ||
    NUMBER_LIKE.test(text) ||
    RADIX_INT.test(text) ||
    SPECIAL_FLOAT.test(text) ||
    TIMESTAMP.test(text)
  );
}

/**
 * Plain scalars may not start with an indicator, contain `: ` or ` #`, end in `:`, carry
 * leading or trailing spaces, or hold anything outside printable ASCII and common Unicode.
 */
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const UNSAFE_INSIDE = /: |:$| #|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\s$/;

function isPlainSafe(text: string): boolean {
  return !UNSAFE_START.test(text) && !UNSAFE_INSIDE.test(text) && !misreadAsOtherType(text);
}

/**
 * A `|-` block keeps a multi-line string exact unless a line ends in white space, the text ends
 * in a newline, or its first non-empty line is indented (readers take that for the block's indent).
 */
function isBlockSafe(text: string): boolean {
  return (
    !text.endsWith("\n") &&
    !/^\n*[ \t]/.test(text) &&
    !/[ \t]\n|[ \t]$/.test(text) &&
    !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\t\r]/.test(text)
  );
}

/**
 * Characters JSON leaves raw that go-yaml, kubectl's reader, refuses ("control characters are not
 * allowed": DEL, the C1 controls, U+FFFE, U+FFFF) or takes for a line break, which it folds to a
 * space inside quotes (NEL, U+2028, U+2029); and U+FEFF, a byte order mark to some readers.
 */
const RAW_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const RAW_UNSAFE_ALL = new RegExp(RAW_UNSAFE.source, "g");
/** An unpaired surrogate: JSON escapes it as `\udXXX`, an escape go-yaml refuses. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A double-quoted scalar: JSON's string syntax, which YAML's double quotes take, with the
 * characters above escaped, and an unpaired surrogate written as U+FFFD, as UTF-8 output
 * writes it everywhere else.
 */
function quoted(text: string): string {
  const json = JSON.stringify(text.replace(LONE_SURROGATE, "\ufffd"));
  if (!RAW_UNSAFE.test(json)) return json;
  return json.replace(RAW_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function scalar(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  // Infinity and NaN (only an API caller's CRD can hold one): null, as JSON output and
  // JSON.stringify write them, and as the validator reads them.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  const text = String(value);
  if (text.length > SHORT) return isPlainSafe(text) ? text : quoted(text);
  // Keys and short values (`type`, `properties`, `string`...) repeat thousands of times in a
  // CRD: each is judged once.
  let written = shortScalars.get(text);
  if (written === undefined) {
    if (shortScalars.size >= MAX_REMEMBERED) shortScalars.clear();
    written = isPlainSafe(text) ? text : quoted(text);
    shortScalars.set(text, written);
  }
  return written;
}

const SHORT = 48;
const MAX_REMEMBERED = 50_000;
const shortScalars = new Map<string, string>();

function isCollection(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function isEmpty(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const _ in value) return false;
  return true;
}

/**
 * The document's bytes, written in place. Most of a large CRD is indentation and short keys:
 * building a string per line (and joining 300,000 of them at 5,000 types) cost twice the time
 * and left every line for the garbage collector. The bytes go into pieces of up to a megabyte
 * rather than one buffer grown by doubling, which copied every byte about twice more; a piece
 * is sealed when the next write does not fit, so no write is split between pieces (see
 * Utf8Text). Positions (`at`) count bytes from the start of the document, across pieces.
 */
class Writer {
  /** Pieces already full, and how many bytes they hold. */
  private readonly sealed: Uint8Array[] = [];
  private sealedBytes = 0;
  private buf = Buffer.allocUnsafe(FIRST_PIECE);
  /** Bytes written into `buf`. */
  private pos = 0;
  /** Writes of non-ASCII text so far; with none, the bytes are their own Latin-1 string (no UTF-8 decoding). */
  nonAscii = 0;

  /** Where the next byte goes. */
  get at(): number {
    return this.sealedBytes + this.pos;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos > 0) {
      this.sealed.push(this.buf.subarray(0, this.pos));
      this.sealedBytes += this.pos;
    }
    this.buf = Buffer.allocUnsafe(Math.max(Math.min(this.buf.length * 2, MAX_PIECE), n));
    this.pos = 0;
  }

  spaces(n: number): void {
    this.room(n);
    const buf = this.buf;
    let at = this.pos;
    const end = at + n;
    while (at < end) buf[at++] = SPACE;
    this.pos = end;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  text(s: string): void {
    const n = s.length;
    this.room(3 * n);
    if (n <= SHORT) {
      // Short ASCII text byte by byte: cheaper than a call into the encoder.
      const buf = this.buf;
      const at = this.pos;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) return this.utf8(s);
        buf[at + i] = c;
      }
      this.pos = at + n;
      return;
    }
    this.utf8(s);
  }

  private utf8(s: string): void {
    const written = this.buf.write(s, this.pos, "utf8");
    if (written !== s.length) this.nonAscii++;
    this.pos += written;
  }

  /** Overwrites the byte at `at` (a list item's first line gets its dash after the item is written). */
  setByte(at: number, c: number): void {
    if (at >= this.sealedBytes) {
      this.buf[at - this.sealedBytes] = c;
      return;
    }
    let start = this.sealedBytes;
    for (let i = this.sealed.length - 1; i >= 0; i--) {
      const piece = this.sealed[i]!;
      start -= piece.length;
      if (at >= start) {
        piece[at - start] = c;
        return;
      }
    }
  }

  /** Bytes written since `start`, copied (pieces are written on after this). */
  copy(start: number): Buffer {
    if (start >= this.sealedBytes) return Buffer.from(this.buf.subarray(start - this.sealedBytes, this.pos));
    const parts: Uint8Array[] = [];
    let pieceStart = this.sealedBytes;
    for (let i = this.sealed.length - 1; i >= 0 && pieceStart > start; i--) {
      const piece = this.sealed[i]!;
      pieceStart -= piece.length;
      parts.unshift(piece.subarray(Math.max(0, start - pieceStart)));
    }
    parts.push(this.buf.subarray(0, this.pos));
    return Buffer.concat(parts);
  }

  paste(bytes: Uint8Array, ascii: boolean): void {
    if (!ascii) this.nonAscii++;
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Everything written; the writer is done with. */
  finish(): Utf8Text {
    const pieces = this.pos > 0 ? [...this.sealed, this.buf.subarray(0, this.pos)] : [...this.sealed];
    return new Utf8Text(pieces, this.nonAscii === 0);
  }
}

/** A small CRD fits the first piece; a large one is written in megabytes. */
const FIRST_PIECE = 1 << 16;
const MAX_PIECE = 1 << 20;

const SPACE = 0x20;
const NEWLINE = 0x0a;
const DASH = 0x2d;
const COLON = 0x3a;

/** Writes the text after `key:` or `-` for a scalar, an empty collection or a block string nested at `indent`. */
function inlineValue(w: Writer, value: unknown, indent: number, dashed: boolean): void {
  if (typeof value === "string" && value.includes("\n") && isBlockSafe(value)) {
    const inner = dashed ? indent : indent + 2;
    w.text(" |-");
    for (const line of value.split("\n")) {
      w.byte(NEWLINE);
      if (line === "") continue;
      w.spaces(inner);
      w.text(line);
    }
    return;
  }
  w.byte(SPACE);
  if (!isCollection(value)) w.text(scalar(value));
  else w.text(Array.isArray(value) ? "[]" : "{}");
}

/**
 * Bytes of blocks written in earlier runs (watch mode), by value object and indentation. An
 * unchanged part of a schema is the same object from one run to the next (transforms and
 * canonical form keep unchanged subtrees), so its bytes are the same. Only blocks of up to
 * MEMO_BYTES are kept: each byte is then held by a few blocks at most.
 */
export type RenderMemo = WeakMap<object, RememberedBlock>;
interface RememberedBlock {
  readonly indent: number;
  readonly bytes: Uint8Array;
  /** Whether the bytes are all ASCII (see Writer.nonAscii). */
  readonly ascii: boolean;
}
const MEMO_BYTES = 32 * 1024;

function writeNode(w: Writer, value: object, indent: number, memo: RenderMemo | undefined): void {
  if (!memo) return writeBlock(w, value, indent, undefined);
  const known = memo.get(value);
  if (known && known.indent === indent) return w.paste(known.bytes, known.ascii);
  const start = w.at;
  const nonAscii = w.nonAscii;
  writeBlock(w, value, indent, memo);
  if (w.at - start <= MEMO_BYTES)
    memo.set(value, { indent, bytes: w.copy(start), ascii: w.nonAscii === nonAscii });
}

function writeBlock(w: Writer, value: object, indent: number, memo: RenderMemo | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        // The first entry of a nested mapping shares the dash's line, as kubectl writes it:
        // its indentation, one level deeper than the dash, gets the dash.
        const first = w.at;
        writeNode(w, item, indent + 2, memo);
        w.setByte(first + indent, DASH);
      } else {
        w.spaces(indent);
        w.byte(DASH);
        inlineValue(w, item, indent + 2, true);
        w.byte(NEWLINE);
      }
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    w.spaces(indent);
    w.text(scalar(key));
    w.byte(COLON);
    if (isCollection(child) && !isEmpty(child)) {
      w.byte(NEWLINE);
      // Sequences under a key are not indented further (kubectl's and controller-gen's style).
      writeNode(w, child, Array.isArray(child) ? indent : indent + 2, memo);
    } else {
      inlineValue(w, child, indent, false);
      w.byte(NEWLINE);
    }
  }
}

export function toYaml(value: unknown): string {
  return render(value, new Writer(), undefined).toString();
}

/** `value` as one document of a stream: `---` and the document (reusing `memo`'s blocks). */
export function toYamlDocument(value: unknown, memo?: RenderMemo): Utf8Text {
  const w = new Writer();
  w.text("---\n");
  return render(value, w, memo);
}

function render(value: unknown, w: Writer, memo: RenderMemo | undefined): Utf8Text {
  if (!isCollection(value) || isEmpty(value)) {
    // A lone scalar: the text after `key:`, without its leading space.
    const scalarOnly = new Writer();
    inlineValue(scalarOnly, value, 0, false);
    const bytes = scalarOnly.copy(1);
    w.paste(bytes, bytes.length === 0 || scalarOnly.nonAscii === 0);
    w.byte(NEWLINE);
  } else writeNode(w, value, 0, memo);
  return w.finish();
}
