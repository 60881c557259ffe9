/**
 * Files kubectl reads as JSON. apimachinery's YAMLOrJSONDecoder reads a stream whose first
 * non-space character is `{` as JSON values, one after another, and anything else as YAML.
 * crdgen reads every file as YAML, which takes more than JSON: a trailing comma, a comment,
 * single quotes or a bare word pass it, and kubectl refuses the file. And kubectl's JSON reader
 * refuses a number beyond a 64-bit float (`1e400`), which its YAML reader would keep as a string.
 * So a file that starts with `{` is also scanned as JSON here, for its first such problem.
 */
import { codes } from "../diagnostics/codes.js";
import type { Finding } from "./finding.js";

/** kubectl's test (hasJSONPrefix, after leading white space). */
const JSON_PREFIX = /^\s*\{/;

/** Whether kubectl reads `text` as JSON rather than YAML: then YAML 1.1's readings mean nothing for it. */
export function isReadAsJson(text: string): boolean {
  return JSON_PREFIX.test(text);
}

interface JsonProblem {
  /** Where the offending character (or number) starts, as an offset into the text. */
  offset: number;
  /** Length of what is underlined. */
  length: number;
  message: string;
  hint: string;
}

const SYNTAX_HINT =
  "write it as JSON (double-quoted keys and strings, no trailing commas or comments), or as YAML without the leading {";

/** Raised inside the scanner at the first problem; caught by `jsonProblem`. */
class Stop {
  constructor(readonly problem: JsonProblem) {}
}

const SPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Go's way of naming a character in "invalid character 'x' ...". */
function goChar(c: string): string {
  return c === "'" ? "'\\''" : c === "\n" ? "'\\n'" : c === "\t" ? "'\\t'" : c === "\r" ? "'\\r'" : `'${c}'`;
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  private fail(message: string, length = 1, hint = SYNTAX_HINT): never {
    throw new Stop({ offset: this.pos, length, message, hint });
  }

  private invalid(context: string): never {
    if (this.pos >= this.text.length) this.fail("unexpected end of JSON input", 0);
    const c = String.fromCodePoint(this.text.codePointAt(this.pos)!);
    this.fail(`invalid character ${goChar(c)} ${context}`, c.length);
  }

  skipSpace(): void {
    while (SPACE.has(this.text[this.pos] ?? "")) this.pos++;
  }

  value(): void {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number) {
      if (!Number.isFinite(Number(number[0]))) {
        this.fail(
          `the number ${number[0]} is beyond the largest 64-bit float, which kubectl's JSON reader refuses`,
          number[0].length,
          "write a number within ±1.7976931348623157e308, or a string",
        );
      }
      this.pos += number[0].length;
      return;
    }
    this.invalid("looking for beginning of value");
  }

  /** Past an opening bracket: true when `close` follows at once (an empty collection). */
  private opensEmpty(close: string): boolean {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  /** Past a member's `,` (false) or the collection's `close` (true); anything else is the error. */
  private closesAfterMember(close: string, context: string): boolean {
    this.skipSpace();
    const next = this.text[this.pos];
    if (next !== close && next !== ",") this.invalid(context);
    this.pos++;
    return next === close;
  }

  private object(): void {
    if (this.opensEmpty("}")) return;
    do {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.invalid("looking for beginning of object key string");
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.invalid("after object key");
      this.pos++;
      this.value();
    } while (!this.closesAfterMember("}", "after object key:value pair"));
  }

  private array(): void {
    if (this.opensEmpty("]")) return;
    do this.value();
    while (!this.closesAfterMember("]", "after array element"));
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail("unexpected end of JSON input", 0);
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === "\\") {
        ESCAPE.lastIndex = this.pos;
        const escape = ESCAPE.exec(this.text);
        if (!escape) {
          this.pos++;
          this.invalid("in string escape code");
        }
        this.pos += escape[0].length;
      } else if (c < " ") {
        this.invalid("in string literal");
      } else {
        this.pos++;
      }
    }
  }
}

/** The first problem kubectl's JSON reading of `text` meets, or undefined when it reads it all. */
export function jsonProblem(text: string): JsonProblem | undefined {
  const scanner = new Scanner(text);
  try {
    // A stream: JSON values one after another, as Go's json.Decoder reads them.
    for (scanner.skipSpace(); scanner.pos < text.length; scanner.skipSpace()) scanner.value();
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

/** 1-based line and column of `offset` in `text`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The error for a file kubectl reads as JSON and refuses, if any. */
export function jsonFileFinding(file: string, text: string): Finding | undefined {
  if (!isReadAsJson(text)) return undefined;
  const problem = jsonProblem(text);
  if (!problem) return undefined;
  const at = lineAndColumn(text, problem.offset);
  return {
    file,
    ...at,
    ...(problem.length > 0 ? { endLine: at.line, endColumn: at.column + problem.length } : {}),
    severity: "error",
    code: codes.yamlSyntax,
    path: "",
    type: "YAMLSyntax",
    message: `invalid JSON for kubectl, which reads a file starting with "{" as JSON: ${problem.message}`,
    hint: problem.hint,
  };
}
