/**
 * controller-gen's literal syntax for a marker value of any type (`+kubebuilder:default=...`,
 * `+kubebuilder:example=...`), read as the JSON value it stands for, for the hint of the tag to
 * write. Braces hold a map when their first item is `key:` (`{type: "PathPrefix", value: "/"}`),
 * else a list (`{a,b}`, `{{path: {value: "/"}}}`, a list of maps); strings are quoted (`"a"`,
 * `` `a` ``) or bare words; bare `true`, `false` and numbers are themselves.
 * Gateway API's defaults are written this way.
 */
import type { JsonValue } from "../schema/types.js";

/** The value `text` stands for, or undefined when it is not one controller-gen literal. */
export function goLiteralValue(text: string): JsonValue | undefined {
  const reader = new LiteralReader(text);
  const value = reader.value(atTextEnd);
  return value !== undefined && reader.atEnd() ? value : undefined;
}

/** Where a bare word ends: at the top level, at the text's end; inside braces, at `,` or `}`. */
type WordEnd = (c: string) => boolean;
const atTextEnd: WordEnd = () => false;
const atItemEnd: WordEnd = (c) => c === "," || c === "}";

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

class LiteralReader {
  private at = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    this.skipSpace();
    return this.at === this.text.length;
  }

  value(end: WordEnd): JsonValue | undefined {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === "{") return this.braces();
    if (c === '"' || c === "`") return this.quoted();
    return this.bare(end);
  }

  /** `{...}`: a map when the first item is `key:`, else a list. */
  private braces(): JsonValue | undefined {
    this.at++; // {
    this.skipSpace();
    if (this.text[this.at] === "}") {
      this.at++;
      return {};
    }
    const start = this.at;
    const isMap = this.key() !== undefined && this.peek(":");
    this.at = start;
    return isMap ? this.map() : this.list();
  }

  private map(): JsonValue | undefined {
    const out: Record<string, JsonValue> = {};
    for (;;) {
      const key = this.key();
      if (key === undefined || !this.peek(":") || Object.hasOwn(out, key)) return undefined;
      this.at++; // :
      const value = this.value(atItemEnd);
      if (value === undefined) return undefined;
      out[key] = value;
      const after = this.next();
      if (after !== "more") return after === "closed" ? out : undefined;
    }
  }

  private list(): JsonValue | undefined {
    const out: JsonValue[] = [];
    for (;;) {
      const value = this.value(atItemEnd);
      if (value === undefined) return undefined;
      out.push(value);
      const after = this.next();
      if (after !== "more") return after === "closed" ? out : undefined;
    }
  }

  /** After an item: `,` (another follows) or the closing `}`; undefined for anything else. */
  private next(): "more" | "closed" | undefined {
    this.skipSpace();
    const c = this.text[this.at++];
    return c === "," ? "more" : c === "}" ? "closed" : undefined;
  }

  /** A map key: a quoted string or a bare word. */
  private key(): string | undefined {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '"' || c === "`") return this.quoted();
    const m = /[A-Za-z_][\w.-]*/y;
    m.lastIndex = this.at;
    const found = m.exec(this.text);
    if (!found) return undefined;
    this.at += found[0].length;
    return found[0];
  }

  private quoted(): string | undefined {
    const quote = this.text[this.at]!;
    if (quote === "`") {
      const close = this.text.indexOf("`", this.at + 1);
      if (close < 0) return undefined;
      const inner = this.text.slice(this.at + 1, close);
      this.at = close + 1;
      return inner;
    }
    const m = /"(?:[^"\\]|\\.)*"/y;
    m.lastIndex = this.at;
    const found = m.exec(this.text);
    if (!found) return undefined;
    this.at += found[0].length;
    try {
      return JSON.parse(found[0]) as string;
    } catch {
      return undefined;
    }
  }

  /** A bare word up to `end`: true, false, a number, or a string. */
  private bare(end: WordEnd): JsonValue | undefined {
    let stop = this.at;
    while (stop < this.text.length && !end(this.text[stop]!)) stop++;
    const word = this.text.slice(this.at, stop).trim();
    if (word === "" || /[{}"`]/.test(word)) return undefined;
    this.at = stop;
    if (word === "true" || word === "false") return word === "true";
    return NUMBER.test(word) ? Number(word) : word;
  }

  private peek(c: string): boolean {
    this.skipSpace();
    return this.text[this.at] === c;
  }

  private skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }
}
