import type { Environment } from "@marcbachmann/cel-js";
import { goQuote } from "../../go-print.js";
import { namespace } from "./namespace.js";

/**
 * The parts of cel-go's `ext.Strings` (version 2, Kubernetes 1.29+) that the engine lacks:
 * `charAt`, `replace`, `format` and `strings.quote`. Indices count code points, as in cel-go.
 */

function codePoints(s: string): string[] {
  return Array.from(s);
}

function toIndex(i: bigint): number {
  return Number(i);
}

function charAt(s: string, index: bigint): string {
  const chars = codePoints(s);
  const i = toIndex(index);
  if (i < 0 || i > chars.length) throw new Error(`index out of range: ${i}`);
  return chars[i] ?? "";
}

function replaceN(s: string, from: string, to: string, limit: number): string {
  if (limit === 0) return s;
  if (from === "") {
    // Go's strings.Replace with an empty old string inserts before every rune and at the end.
    const chars = codePoints(s);
    let out = "";
    let count = 0;
    for (const c of chars) {
      if (limit < 0 || count < limit) {
        out += to;
        count++;
      }
      out += c;
    }
    if (limit < 0 || count < limit) out += to;
    return out;
  }
  let out = "";
  let rest = s;
  let count = 0;
  for (;;) {
    const at = rest.indexOf(from);
    if (at < 0 || (limit >= 0 && count >= limit)) break;
    out += rest.slice(0, at) + to;
    rest = rest.slice(at + from.length);
    count++;
  }
  return out + rest;
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  if (value instanceof Date) return value.toISOString().replace(".000Z", "Z");
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value instanceof Map)
    return `{${[...value].map(([k, v]) => `${formatValue(k)}: ${formatValue(v)}`).join(", ")}}`;
  if (typeof value === "object") {
    const text = String(value);
    if (text !== "[object Object]") return text;
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

function asNumber(value: unknown): number {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return value;
  throw new Error(`error during formatting: expected a number, got ${typeof value}`);
}

/** cel-go's `string.format(list)`: %s %d %f %e %b %o %x %X and %%. */
export function celFormat(template: string, args: readonly unknown[]): string {
  let out = "";
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    let j = i + 1;
    let precision: number | undefined;
    if (template[j] === ".") {
      const m = /^\.(\d+)/.exec(template.slice(j));
      if (!m?.[1]) throw new Error("error during formatting: unable to parse precision");
      precision = Number(m[1]);
      j += m[0].length;
    }
    const verb = template[j];
    i = j;
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (next >= args.length) throw new Error(`index ${next} out of range`);
    const arg = args[next++];
    switch (verb) {
      case "s":
        out += formatValue(arg);
        break;
      case "d":
        if (typeof arg !== "bigint")
          throw new Error("error during formatting: decimal clause can only be used on integers");
        out += arg.toString();
        break;
      case "f":
        out += asNumber(arg).toFixed(precision ?? 6);
        break;
      case "e":
        out += asNumber(arg)
          .toExponential(precision ?? 6)
          .replace(/e([+-])(\d)$/, "e$10$2");
        break;
      case "b":
        out += typeof arg === "boolean" ? String(arg) : BigInt(asNumber(arg)).toString(2);
        break;
      case "o":
        out += BigInt(asNumber(arg)).toString(8);
        break;
      case "x":
      case "X": {
        const hex =
          typeof arg === "string"
            ? Buffer.from(arg).toString("hex")
            : arg instanceof Uint8Array
              ? Buffer.from(arg).toString("hex")
              : BigInt(asNumber(arg)).toString(16);
        out += verb === "X" ? hex.toUpperCase() : hex;
        break;
      }
      default:
        throw new Error(`could not parse formatting clause: unrecognized formatting clause "${verb ?? ""}"`);
    }
  }
  return out;
}

export function registerStringExtensions(env: Environment): void {
  env.registerFunction("string.charAt(int): string", (s: string, i: bigint) => charAt(s, i));
  env.registerFunction("string.replace(string, string): string", (s: string, a: string, b: string) =>
    replaceN(s, a, b, -1),
  );
  env.registerFunction(
    "string.replace(string, string, int): string",
    (s: string, a: string, b: string, n: bigint) => replaceN(s, a, b, Number(n)),
  );
  env.registerFunction("string.format(list<dyn>): string", (s: string, args: unknown[]) =>
    celFormat(s, args),
  );
  namespace(env, "strings", "StringsNamespace");
  env.registerFunction("StringsNamespace.quote(string): string", (_ns: unknown, s: string) => goQuote(s));
}
