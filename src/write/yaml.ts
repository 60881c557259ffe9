/**
 * YAML that every Kubernetes YAML reader reads the same way, written directly from the JSON
 * data a CRD is. A general YAML library builds a node tree first, which was half of a large
 * run's time; CRDs need only block mappings and sequences of JSON scalars.
 *
 * A string is written plain only when both YAML 1.2 and YAML 1.1 (kubectl reads 1.1, where
 * `y`, `no`, `on`, `0777`, `1:20` or `2024-01-01` are not strings) would read it back as the
 * same string; multi-line strings are `|-` blocks when that keeps them exact; everything else
 * is a double-quoted scalar (JSON string syntax is valid YAML there). The property tests
 * parse the output back with a YAML 1.1 and a 1.2 reader.
 */

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
const UNSAFE_INSIDE = /: |:$| #|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|\s$/;

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
    !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\t\r]/.test(text)
  );
}

function scalar(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  const text = String(value);
  if (text.length > SHORT) return isPlainSafe(text) ? text : JSON.stringify(text);
  // Keys and short values (`type`, `properties`, `string`...) repeat thousands of times in a
  // CRD: each is judged once.
  let written = shortScalars.get(text);
  if (written === undefined) {
    if (shortScalars.size >= MAX_REMEMBERED) shortScalars.clear();
    written = isPlainSafe(text) ? text : JSON.stringify(text);
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

/** The text after `key:` or `-` for a scalar, an empty collection or a block string nested at `indent`. */
function inlineValue(value: unknown, indent: string, dashed: boolean): string {
  if (typeof value === "string" && value.includes("\n") && isBlockSafe(value)) {
    const inner = dashed ? indent : `${indent}  `;
    return ` |-\n${value
      .split("\n")
      .map((line) => (line === "" ? "" : inner + line))
      .join("\n")}`;
  }
  if (!isCollection(value)) return ` ${scalar(value)}`;
  return Array.isArray(value) ? " []" : " {}";
}

/**
 * Lines of blocks written in earlier runs (watch mode), by value object and indentation. An
 * unchanged part of a schema is the same object from one run to the next (transforms and
 * canonical form keep unchanged subtrees), so its lines are the same. Only blocks of up to
 * MEMO_LINES lines are kept: each line is then held by a few blocks at most.
 */
export type RenderMemo = WeakMap<object, { readonly indent: string; readonly lines: readonly string[] }>;
const MEMO_LINES = 512;

function writeNode(value: object, indent: string, out: string[], memo: RenderMemo | undefined): void {
  if (!memo) return writeBlock(value, indent, out, undefined);
  const known = memo.get(value);
  if (known && known.indent === indent) {
    for (const line of known.lines) out.push(line);
    return;
  }
  const start = out.length;
  writeBlock(value, indent, out, memo);
  if (out.length - start <= MEMO_LINES) memo.set(value, { indent, lines: out.slice(start) });
}

function writeBlock(value: object, indent: string, out: string[], memo: RenderMemo | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        // The first entry of a nested mapping shares the dash's line, as kubectl writes it.
        const first = out.length;
        writeNode(item, `${indent}  `, out, memo);
        out[first] = `${indent}- ${out[first]!.slice(indent.length + 2)}`;
      } else {
        out.push(`${indent}-${inlineValue(item, `${indent}  `, true)}`);
      }
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    const head = `${indent}${scalar(key)}:`;
    if (isCollection(child) && !isEmpty(child)) {
      out.push(head);
      // Sequences under a key are not indented further (kubectl's and controller-gen's style).
      writeNode(child, Array.isArray(child) ? indent : `${indent}  `, out, memo);
    } else {
      out.push(head + inlineValue(child, indent, false));
    }
  }
}

export function toYaml(value: unknown): string {
  return render(value, [], undefined);
}

/** `value` as one document of a stream: `---` and the document (reusing `memo`'s blocks). */
export function toYamlDocument(value: unknown, memo?: RenderMemo): string {
  return render(value, ["---"], memo);
}

function render(value: unknown, out: string[], memo: RenderMemo | undefined): string {
  if (!isCollection(value) || isEmpty(value)) out.push(inlineValue(value, "", false).slice(1));
  else writeNode(value, "", out, memo);
  // Joined once with its final newline: appending to a large result would copy it again.
  out.push("");
  return out.join("\n");
}
