/** Argument parsers shared by tag definitions. Each returns a value or a message saying what was expected. */
import { EXACT_INTEGER_HINT, inexactIntegerText, isInexact } from "../schema/inexact-integers.js";
import { holdsNonFinite, IN_RANGE_HINT, outOfRangeNumberText } from "../schema/out-of-range-numbers.js";
import type { JsonValue } from "../schema/types.js";
import type { TagParseResult } from "./registry.js";
import { didYouMean } from "./suggest.js";

export function ok<V>(value: V): TagParseResult<V> {
  return { ok: true, value };
}

export function fail<V>(message: string, hint?: string): TagParseResult<V> {
  return hint === undefined ? { ok: false, message } : { ok: false, message, hint };
}

export function parseFlag(text: string): TagParseResult<true> {
  return text.trim() === "" ? ok(true) : fail(`takes no argument, got "${text.trim()}"`);
}

export function parseNumber(text: string): TagParseResult<number> {
  const t = text.trim();
  const n = Number(t);
  if (t === "" || Number.isNaN(n)) return fail(`expects a number, got "${t}"`);
  if (!Number.isFinite(n)) return fail(outOfRangeNumberText(t, n), IN_RANGE_HINT);
  const inexact = inexactInteger(t);
  return inexact === undefined ? ok(n) : inexactFailure(inexact, "");
}

/** A number above 0, as `multipleOf` must be (a multiple of 0 or of a negative number means nothing). */
export function parsePositive(text: string): TagParseResult<number> {
  const parsed = parseNumber(text);
  if (!parsed.ok || parsed.value > 0) return parsed;
  const t = text.trim();
  // `1e-400` is above 0 as written, and 0 as the float Kubernetes reads.
  return parsed.value === 0 && /^\+?[^-]*[1-9]/.test(t.replace(/[eE].*$/, ""))
    ? fail(
        `has the number ${t}, which a 64-bit float (how Kubernetes reads numbers) rounds to 0`,
        "use a larger number",
      )
    : fail(`must be greater than 0, got ${t}`);
}

export function parseCount(text: string): TagParseResult<number> {
  const t = text.trim();
  return /^\d+$/.test(t) && Number.isSafeInteger(Number(t))
    ? ok(Number(t))
    : fail(`expects a non-negative integer, got "${t}"`);
}

export function parseWord(text: string): TagParseResult<string> {
  const t = text.trim();
  // No format or property name starts with either: they separate a Go marker's key from its value
  // (`+kubebuilder:validation:Format=date-time` pasted as `@format=date-time`), which the reader's
  // hint then drops. Accepted, the punctuation would be part of the name.
  if (/^[:=]\S/.test(t)) return fail(`takes its value after a space, not after "${t[0]!}"`);
  return /^\S+$/.test(t) ? ok(t) : fail(t === "" ? "expects a value" : `expects a single word, got "${t}"`);
}

export function parseText(text: string): TagParseResult<string> {
  const t = text.trim();
  return t === "" ? fail("expects a value") : ok(t);
}

/**
 * One of `choices`, as written. A misspelt one (`sets`, `atomc`) gets a did-you-mean; one in
 * another case (`cluster`) is left to the reader's hint, which writes the whole tag
 * (plain-argument.ts).
 */
export function parseChoice<C extends string>(choices: readonly C[]) {
  return (text: string): TagParseResult<C> => {
    const t = text.trim();
    const found = choices.find((c) => c === t);
    if (found !== undefined) return ok(found);
    const message = `expects one of ${choices.join(" | ")}, got "${t}"`;
    // Only a bare word: one in quotes or parentheses is unwrapped by the reader's hint.
    const meant = /^[A-Za-z-]+$/.test(t) ? didYouMean(t, choices) : undefined;
    return meant === undefined || meant.toLowerCase() === t.toLowerCase()
      ? fail(message)
      : fail(message, `did you mean ${meant}?`);
  };
}

/** `tag`: the tag being parsed, which the hint writes out. */
/**
 * Text wrapped over several comment lines as one line: Kubernetes refuses a line break in a rule's
 * message or a deprecation warning, and a column's description is one sentence.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

export function parseJson(text: string, tag = "default"): TagParseResult<JsonValue> {
  const t = text.trim();
  if (t === "") return fail("expects a JSON value");
  try {
    const value = JSON.parse(t) as JsonValue;
    if (value === null) return nullJson(tag);
    if (holdsNonFinite(value)) {
      const written = firstNonFiniteNumber(t);
      return fail(outOfRangeNumberText(written, Number(written)), `${IN_RANGE_HINT}, or a string`);
    }
    const inexact = inexactInteger(t);
    return inexact === undefined ? ok(value) : inexactFailure(inexact, ", or a string");
  } catch {
    // Bare words are a common shorthand for strings (`@default Always`).
    if (/^[A-Za-z_][\w.-]*$/.test(t) && !["true", "false", "null"].includes(t)) return ok(t);
    return fail(`expects a JSON value, got ${t}`, jsonHint(t, tag));
  }
}

/**
 * The API server decodes `default` and `example` into pointers, which a JSON null leaves nil: the
 * CRD it stores has no such keyword, so one written `null` is read as none, and Argo CD or Flux,
 * comparing the applied CRD with the stored one, report it out of sync for ever.
 */
function nullJson(tag: string): TagParseResult<JsonValue> {
  const keyword = tag === "default" ? "default" : "example";
  return fail(
    `is null, which Kubernetes reads as no ${keyword}: the API server stores the CRD without it, so GitOps tools (Argo CD, Flux) would report the CRD out of sync`,
    tag === "default" ? "remove the tag: an optional field left unset stays unset" : "remove the tag",
  );
}

/**
 * What to write for a text that is no JSON, ready to paste: `@default foo bar` and `@default 100Mi`
 * are strings that need quotes, `@default {a: 1}` is a JavaScript object whose keys need them.
 */
function jsonHint(text: string, tag: string): string {
  // `'Always'` is a JavaScript string: JSON's strings take double quotes.
  if (!/^[[{]/.test(text))
    return `quote strings: @${tag} ${JSON.stringify(/^'(.*)'$/s.exec(text)?.[1] ?? text)}`;
  const quoted = text
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, inner: string) => JSON.stringify(inner.replace(/\\'/g, "'")))
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/,(\s*[}\]])/g, "$1");
  try {
    JSON.parse(quoted);
    return `JSON quotes keys and strings with ": write @${tag} ${quoted}`;
  } catch {
    const example = text.startsWith("[") ? '["a", "b"]' : '{"key": "value"}';
    return `JSON quotes keys and strings with ", and has no trailing commas: @${tag} ${example}`;
  }
}

/** `orElse`: what else the tag takes (a JSON value may be a string). */
function inexactFailure<V>(integer: string, orElse: string): TagParseResult<V> {
  return fail(inexactIntegerText(integer, Number(integer)), `${EXACT_INTEGER_HINT}${orElse}`);
}

/**
 * The first integer literal of a JSON text the CRD would print otherwise (some beyond 2^53), as
 * written. Numbers with a fraction or an exponent are floats, which users expect to round.
 */
function inexactInteger(json: string): string | undefined {
  // Nearly every tag's text has no 16 digits in a row, and then no integer to look at.
  if (!SIXTEEN_DIGITS.test(json)) return undefined;
  for (const m of json.matchAll(JSON_TOKEN)) {
    const integer = m[1];
    if (integer === undefined || integer.length <= 15) continue; // below 10^15: always exact
    // 10^21, printed as 1e+21, is still exact.
    if (isInexact(BigInt(integer), Number(integer))) return integer;
  }
  return undefined;
}

const SIXTEEN_DIGITS = /\d{16}/;

/** The first number of a JSON text that JavaScript reads as Infinity (`1e400`), as written. */
function firstNonFiniteNumber(json: string): string {
  for (const m of json.matchAll(JSON_TOKEN)) {
    if (!m[0].startsWith('"') && !Number.isFinite(Number(m[0]))) return m[0];
  }
  return "Infinity";
}

/** Strings (skipped whole, so digits inside them are not numbers) or numbers, capturing plain integers. */
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|(-?\d+)(?![.\deE])|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * `key=value key2="quoted value" flag` (flags without `=` map to `true`),
 * the argument style of CRD-level tags such as @printColumn. A quoted value keeps its
 * backslashes except before `"` and `\`, so `jsonPath=".a\.b"` stays as written.
 * Single quotes take no escapes; Go's backticks are refused with a hint (backtickFailure).
 *
 * With `keys` (every key the tag knows), words that are no key right after an unquoted value
 * are read as the rest of that value, which needed quotes: `url=not a url` is reported as such,
 * not as `url` given twice.
 */
export function parseKeyValues(
  text: string,
  keys?: readonly string[],
): TagParseResult<Map<string, string | true>> {
  const out = new Map<string, string | true>();
  const re = /\s*([A-Za-z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|(\S*)))?/y;
  let rest = text.trim();
  while (rest.length > 0) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (out.size > 0 && rest.startsWith(",")) return commaFailure();
    if (!m || m[0].length === 0) return fail(`cannot read "${rest}" as key=value`);
    const key = m[1]!;
    if (out.has(key)) return fail(`gives ${key} more than once`);
    const backticked = m[4];
    if (backticked !== undefined) return backtickFailure(key, backticked);
    if (m[2] !== undefined && /^[^\s,]/.test(rest.slice(m[0].length))) {
      const inner = innerQuoteFailure<Map<string, string | true>>(key, rest, keys);
      if (inner) return inner;
    }
    const value = m[2] !== undefined ? m[2].replace(/\\(["\\])/g, "$1") : (m[3] ?? m[5]);
    out.set(key, value === undefined ? true : value);
    rest = rest.slice(m[0].length).trimStart();
    const unquoted = m[5];
    // `name=Ready,type=string`: controller-gen's separator, read as the rest of the value.
    if (unquoted !== undefined && keys && commaBeforeKey(unquoted, keys)) return commaFailure();
    if (unquoted !== undefined && keys) {
      const spilled = spilledWords(rest, keys);
      if (spilled.length > 0) {
        const whole = [unquoted, ...spilled].filter((w) => w !== "").join(" ");
        return fail(
          `${key}=${unquoted} is followed by "${spilled.join(" ")}": a value with spaces needs quotes`,
          `write ${key}=${quoted(whole)}`,
        );
      }
    }
  }
  return ok(out);
}

/**
 * Pairs separated by commas, as controller-gen's markers write them
 * (`+kubebuilder:validation:XValidation:rule="...",message="..."`). The hint, the tag rewritten
 * with spaces, is plainArgument's.
 */
function commaFailure<V>(): TagParseResult<V> {
  return fail(
    'separates its key=value pairs with ",", as controller-gen\'s markers do: crdgen reads them separated by spaces',
  );
}

/** An unquoted value that holds `,<key>=` for a key the tag knows, however spelt (`,statuspath=`). */
function commaBeforeKey(value: string, keys: readonly string[]): boolean {
  return [...value.matchAll(/,([A-Za-z][\w-]*)=/g)].some(
    ([, key]) => keys.includes(key!) || knownSpelling(key!, keys) !== undefined,
  );
}

/**
 * A value in backticks, as Go's raw strings (and controller-gen's markers) quote it: read as
 * any other text it would keep the backticks (a CEL rule that does not compile, a JSONPath
 * that is not rooted), so it is refused with the value written as crdgen reads it.
 */
function backtickFailure<V>(key: string, inner: string): TagParseResult<V> {
  const value = /^[^\s"'`]\S*$/.test(inner) ? inner : quoted(inner);
  return fail(
    `${key} is in backticks (Go's raw string), which crdgen does not read as quotes`,
    `write ${key}=${value}`,
  );
}

/**
 * A double-quoted value that more than a space or a comma follows held a `"` of its own (a CEL
 * raw string `r"""^a$"""`, a JSONPath filter `[?(@.type=="Ready")]`), which ended it early. Its
 * own end is the first `"` that the end of the text or the next key follows; the hint writes the
 * value quoted as crdgen reads it back.
 */
function innerQuoteFailure<V>(
  key: string,
  rest: string,
  keys: readonly string[] | undefined,
): TagParseResult<V> | undefined {
  const start = rest.indexOf('"') + 1;
  for (let end = rest.indexOf('"', start); end !== -1; end = rest.indexOf('"', end + 1)) {
    const next = /^\s+([A-Za-z][\w-]*)(?:=|\s|$)/.exec(rest.slice(end + 1))?.[1];
    if (end + 1 < rest.length && (next === undefined || (keys !== undefined && !keys.includes(next))))
      continue;
    const value = rest.slice(start, end).replace(/\\(["\\])/g, "$1");
    // A value that would swallow another key's pair is no value with a quote inside.
    if (keys?.some((k) => value.includes(` ${k}=`))) return undefined;
    return fail(
      `${key}'s value holds a double quote, which ends the value there: inside "..." write it \\", or quote the value with '...'`,
      `write ${key}=${quoted(value)}`,
    );
  }
  return undefined;
}

/** A value as parseKeyValues reads it back: in single quotes when it holds `"` (no escapes there), else in double. */
export function quoted(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\(?=["\\])|"/g, (c) => `\\${c}`)}"`;
}

/** The words at the start of `rest` up to the next `key=`, unless the first is a key (a flag). */
function spilledWords(rest: string, keys: readonly string[]): string[] {
  const words: string[] = [];
  for (const word of rest.split(/\s+/)) {
    if (word === "" || /^[A-Za-z][\w-]*=/.test(word) || (words.length === 0 && keys.includes(word))) break;
    words.push(word);
  }
  return words;
}

/**
 * The failure for the keys of a key=value tag that it does not know, or undefined when it knows
 * them all. kube-rs spells the same keys in snake_case (`json_path`, `type_`,
 * `spec_replicas_path`): when each unknown key is a known one so spelt, the hint is the tag
 * rewritten with crdgen's names. `written` is the tag as far as its keys (`@subresource scale`).
 */
export function unknownKeys<V>(
  kv: ReadonlyMap<string, string | true>,
  known: readonly string[],
  written: string,
): TagParseResult<V> | undefined {
  const unknown = [...kv.keys()].filter((k) => !known.includes(k));
  if (unknown.length === 0) return undefined;
  const message = `does not know ${unknown.join(", ")}`;
  const renamed = new Map(unknown.map((k) => [k, knownSpelling(k, known)]));
  const targets = [...renamed.values()];
  // Renamed keys must not meet each other or a key given as it is: that would be a key given twice.
  if (targets.some((t, i) => t === undefined || kv.has(t) || targets.indexOf(t) !== i)) return fail(message);
  const parts = [...kv].map(([k, v]) => {
    const key = renamed.get(k) ?? k;
    return v === true ? key : `${key}=${/^[^\s"']+$/.test(v) ? v : quoted(v)}`;
  });
  return fail(message, `write ${written} ${parts.join(" ")}`);
}

/**
 * Keys as controller-gen's markers name them where crdgen names them otherwise
 * (`+kubebuilder:subresource:scale:specpath=...,statuspath=...,selectorpath=...`).
 */
const CONTROLLER_GEN_KEYS: Readonly<Record<string, string>> = {
  specpath: "specReplicasPath",
  statuspath: "statusReplicasPath",
  selectorpath: "labelSelectorPath",
};

/**
 * `json_path` and `type_` (kube-rs), or `specpath` (controller-gen), as `known` spells them
 * (`jsonPath`, `type`, `specReplicasPath`), or undefined.
 */
function knownSpelling(key: string, known: readonly string[]): string | undefined {
  const marker = CONTROLLER_GEN_KEYS[key.toLowerCase()];
  if (marker !== undefined && known.includes(marker)) return marker;
  const camel = key.replace(/_+$/, "").replace(/_+([a-z])/gi, (_, c: string) => c.toUpperCase());
  return known.find((k) => k.toLowerCase() === camel.toLowerCase());
}

/**
 * A key=value text for the JSON object that kube-rs' legacy attributes take
 * (`printcolumn = r#"{"name": "Age", "jsonPath": ".metadata.creationTimestamp"}"#`), for a hint;
 * undefined when `text` is no JSON object of plain values, alone or in a Rust string.
 */
export function jsonAsKeyValues(text: string): string | undefined {
  const rust = /^(?:r(#*)"(.*)"\1|"(.*)")$/s.exec(text.trim());
  let value: unknown;
  try {
    const json = rust ? (rust[2] ?? (JSON.parse(`"${rust[3]}"`) as string)) : text;
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return undefined;
    const s = String(v);
    parts.push(`${k}=${/^[^\s"']+$/.test(s) ? s : quoted(s)}`);
  }
  return parts.length > 0 ? parts.join(" ") : undefined;
}
