/**
 * YAML 1.1 vs 1.2: crdgen reads YAML 1.2, but kubectl (go-yaml v2 through sigs.k8s.io/yaml)
 * and other YAML 1.1 readers resolve some plain scalars differently: `y`/`no`/`on`/`off` are
 * booleans, `017` is octal, `1_000` and `1:30` are numbers, and `<<` merges mappings. These
 * helpers find such scalars, and read a stream the way kubectl does. kubectl's go-yaml v2
 * departs from YAML 1.1 in one of these: base-60 numbers (`1:30`), which it dropped on purpose
 * and reads as strings (kubectlReading).
 */
import { parse, Scalar, visit, type Document, type LineCounter } from "yaml";

export interface Yaml11Difference {
  line: number;
  column: number;
  /** Where the scalar ends (1-based, just past it): on its line, as these scalars are one word. */
  endLine?: number;
  endColumn?: number;
  /** Whether the scalar is a mapping key. */
  isKey: boolean;
  /** The source text of the scalar. */
  source: string;
  /** What YAML 1.1 makes of it. */
  yaml11Value: boolean | number | "merge";
  message: string;
  /** What to do about it, when the message does not say. */
  hint?: string;
  /**
   * kubectl cannot send the file at all (`.inf`, `.nan`: floats JSON has no value for), rather
   * than send another value than crdgen reads: an error, not a warning.
   */
  unsendable?: true;
}

const TRUE_WORDS = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]);
const FALSE_WORDS = new Set(["n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

/** The YAML 1.1 reading of a plain scalar, when it differs from YAML 1.2's; undefined otherwise. */
export function yaml11Reading(source: string): boolean | number | undefined {
  if (TRUE_WORDS.has(source)) return true;
  if (FALSE_WORDS.has(source)) return false;
  // Every number below starts with a digit or a dot after its sign: most scalars asked about
  // (`object`, `name`, `openAPIV3Schema`...) are done here.
  const first = source.charCodeAt(source.startsWith("-") || source.startsWith("+") ? 1 : 0);
  if (!((first >= 0x30 && first <= 0x39) || first === 0x2e)) return undefined;
  const sign = source.startsWith("-") ? -1 : 1;
  const body = source.replace(/^[-+]/, "");
  if (/^0b[01_]+$/.test(body)) return sign * parseInt(body.slice(2).replace(/_/g, ""), 2);
  if (/^0[0-7_]+$/.test(body) && /[1-7]/.test(body)) return sign * parseInt(body.replace(/_/g, ""), 8);
  if (/^[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(body)) {
    return sign * body.split(":").reduce((acc, part) => acc * 60 + Number(part.replace(/_/g, "")), 0);
  }
  if (body.includes("_") && /^(0|[1-9][0-9_]*)$/.test(body)) return sign * Number(body.replace(/_/g, ""));
  if (body.includes("_") && /^([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$/.test(body) && /[0-9]/.test(body)) {
    return sign * Number(body.replace(/_/g, ""));
  }
  return undefined;
}

/**
 * What kubectl and Helm (go-yaml v2 through sigs.k8s.io/yaml) make of a plain scalar, when it is
 * not what YAML 1.2 makes of it: the YAML 1.1 reading, but for base-60 numbers, which go-yaml
 * "purposefully" leaves strings (its resolve.go). Only the base-60 reading has a `:` in it.
 */
export function kubectlReading(source: string): boolean | number | string | undefined {
  if (source.includes(":")) return undefined;
  return isBeyondFloat64(source) ? source : yaml11Reading(source);
}

const FLOAT_TAG = "tag:yaml.org,2002:float";

/** YAML 1.2's infinity and NaN words, which YAML 1.1 and go-yaml read as floats too. */
const NON_FINITE_WORD = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** YAML 1.2's float syntax (core schema), which is also go-yaml's (underscores aside). */
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * Whether a plain scalar is a number beyond the largest float64 (`1e400`): YAML 1.2 (and YAML
 * 1.1 readers such as PyYAML) read Infinity; go-yaml's float parse refuses it, and leaves the
 * string. Only an exponent or 309 digits can get there.
 */
function isBeyondFloat64(source: string): boolean {
  if (!/[eE]/.test(source) && source.length < 309) return false;
  return FLOAT.test(source) && !Number.isFinite(Number(source));
}

/** The difference for a value YAML 1.2 reads as Infinity or NaN, which no JSON holds; undefined for any other. */
function nonFiniteDifference(
  source: string,
  position: () => { line: number; column: number },
  /** Tagged `!!float`: go-yaml refuses a float it cannot parse (`1e400`), rather than read a string. */
  float: boolean,
): Yaml11Difference | undefined {
  const word = NON_FINITE_WORD.test(source);
  if (!word && !isBeyondFloat64(source)) return undefined;
  const value = !word
    ? Number(source)
    : /nan/i.test(source)
      ? NaN
      : source.startsWith("-")
        ? -Infinity
        : Infinity;
  const at = { ...spanOf(source, position), isKey: false, source, yaml11Value: value };
  if (word) {
    const go = Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
    return {
      ...at,
      unsendable: true,
      message: `invalid YAML for kubectl: it reads ${source} as a float JSON has no value for ("json: unsupported value: ${go}"), which rejects the whole file`,
      hint: `quote it if a string is meant (${JSON.stringify(source)}), or write a number within ±1.7976931348623157e308`,
    };
  }
  return float
    ? {
        ...at,
        unsendable: true,
        message: `invalid YAML for kubectl: its reader cannot decode ${source} as a !!float, being beyond the largest 64-bit float, which rejects the whole file`,
        hint: "write a number within ±1.7976931348623157e308",
      }
    : {
        ...at,
        message: `kubectl reads the value ${source} as the string ${JSON.stringify(source)}, being beyond the largest 64-bit float; crdgen (YAML 1.2) reads the number ${value}, and checks that`,
        hint: "write a number within ±1.7976931348623157e308, or quote it if a string is meant",
      };
}

function describe(value: unknown): string {
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (typeof value === "number") return `the number ${value}`;
  return `the string ${JSON.stringify(value)}`;
}

/** What YAML 1.2 (crdgen) makes of a plain scalar. */
function yaml12Reading(source: string): unknown {
  try {
    return parse(source);
  } catch {
    return source;
  }
}

/** Where a scalar of source text `source` is, and its span. */
function spanOf(
  source: string,
  position: () => { line: number; column: number },
): Pick<Yaml11Difference, "line" | "column" | "endLine" | "endColumn"> {
  const at = position();
  // The scalars YAML 1.1 reads differently are single words; a folded one is left a point.
  return /[\r\n]/.test(source) ? at : { ...at, endLine: at.line, endColumn: at.column + source.length };
}

/**
 * How YAML 1.1 readers differ on one plain scalar (its source text, whether it is a mapping
 * key, where it starts), or undefined when they agree with YAML 1.2.
 */
export function yaml11DifferenceOf(
  source: string,
  isKey: boolean,
  position: () => { line: number; column: number },
  /** The scalar's explicit tag (`tag:yaml.org,2002:str` for `!!str`), if any. */
  tag?: string,
): Yaml11Difference | undefined {
  if (isKey && source === "<<") {
    return {
      ...spanOf(source, position),
      isKey,
      source,
      yaml11Value: "merge",
      // Still worth a warning when crdgen checks the merged mapping: a YAML 1.2 reader of the same
      // file (a script, another tool) sees a key named "<<" and not the merged fields.
      message: `YAML 1.1 parsers (kubectl) treat the key "<<" as a merge of another mapping, and crdgen checks the merged mapping as kubectl sends it; YAML 1.2 parsers read a key named "<<"`,
    };
  }
  // Not keys: kubectl sends every key as a string (".inf" for .inf, 1e400 as written).
  if (!isKey && (tag === undefined || tag === FLOAT_TAG)) {
    const nonFinite = nonFiniteDifference(source, position, tag === FLOAT_TAG);
    if (nonFinite) return nonFinite;
  }
  const value = yaml11Reading(source);
  if (value === undefined) return undefined;
  const what = isKey ? "key" : "value";
  // Base 60: YAML 1.1 parsers such as PyYAML disagree with YAML 1.2, kubectl does not.
  const readers =
    kubectlReading(source) === undefined ? "YAML 1.1 parsers (not kubectl)" : "YAML 1.1 parsers (kubectl)";
  return {
    ...spanOf(source, position),
    isKey,
    source,
    yaml11Value: value,
    message: `${readers} read the ${what} ${source} as ${describe(value)}, YAML 1.2 as ${describe(yaml12Reading(source))}; quote it to be unambiguous`,
  };
}

/** Plain scalars (and `<<` keys) of `doc` that YAML 1.1 readers such as kubectl read differently. */
export function yaml11Differences(doc: Document.Parsed, lineCounter: LineCounter): Yaml11Difference[] {
  const found: Yaml11Difference[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (node.type !== Scalar.PLAIN || typeof node.source !== "string" || !node.range) return;
      const start = node.range[0];
      const position = () => {
        const pos = lineCounter.linePos(start);
        return { line: pos.line, column: pos.col };
      };
      const difference = yaml11DifferenceOf(node.source, key === "key", position, node.tag);
      if (difference) found.push(difference);
    },
  });
  return found;
}
