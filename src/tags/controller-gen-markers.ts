/**
 * controller-gen markers (`+kubebuilder:validation:Minimum=0`) as users migrating Go types paste
 * them into doc comments. crdgen reads tags, not markers: a pasted marker that shapes a CRD would
 * silently do nothing, so it is an error saying which tags to write instead. Markers that only
 * drive Go code generation (`+genclient`, `+kubebuilder:rbac`...) mean nothing for a CRD and are
 * only left out of descriptions (read/markers.ts finds the lines; this module says what they mean).
 *
 * Each equivalent is tags with their exact text, so that a test can feed every hint back through
 * the tag registry (test/tags/controller-gen-markers.test.ts).
 */
import { holdsNonFinite } from "../schema/out-of-range-numbers.js";
import { goLiteralValue } from "./go-literal.js";
import { quoted } from "./parse.js";

/** A tag to write, as `@name text`. */
export interface HintTag {
  name: string;
  text: string;
}

/** What to write instead of a marker: tags (on the declaration, or `where` says), or advice. */
export type MarkerEquivalent =
  | { tags: readonly HintTag[]; where?: string }
  | {
      advice: string;
      tags?: undefined;
      /** `+optional`/`+required`: what the property already says with or without its `?`. */
      optionality?: "optional" | "required";
    };

/** A marker that would shape a CRD: its equivalent, if crdgen has one. */
export interface MarkerReading {
  /** The marker's name as registered, e.g. `kubebuilder:validation:Minimum`. */
  name: string;
  equivalent?: MarkerEquivalent;
}

/** The hint a marker's equivalent gives: `write @minimum 0`. */
export function equivalentHint(equivalent: MarkerEquivalent): string {
  if (equivalent.tags === undefined) return equivalent.advice;
  const tags = equivalent.tags
    .map((t) => (t.text === "" ? `@${t.name}` : `@${t.name} ${inComment(t)}`))
    .join(" ");
  return `write ${tags}${equivalent.where ? ` ${equivalent.where}` : ""}`;
}

/** What a marker shaping the CRD says to do where crdgen has no equivalent for it. */
export const NO_EQUIVALENT_HINT =
  "crdgen has no equivalent: remove it (run `crdgen --help-tags` for the tags crdgen reads)";

/** The hint for a marker that shapes the CRD: the tags it means, or that crdgen has none. */
export function markerHint(reading: MarkerReading): string {
  return reading.equivalent ? equivalentHint(reading.equivalent) : NO_EQUIVALENT_HINT;
}

/**
 * A tag's text as a doc comment can hold it: a star and a slash in a pattern (Kubernetes'
 * qualified-name pattern has them) would end the comment; `*\/` matches the same, as RE2 reads
 * `\/` as `/`.
 */
function inComment(t: HintTag): string {
  return t.name === "pattern" ? t.text.replaceAll("*/", "*\\/") : t.text;
}

/**
 * What the marker `line` (trimmed, starting with `+`) means for a CRD; undefined for one that
 * means nothing to a CRD. As controller-gen does, the longest registered name wins and the rest
 * are arguments: `+kubebuilder:printcolumn:name=...` is `kubebuilder:printcolumn` with `name=...`.
 */
export function readMarker(line: string): MarkerReading | undefined {
  const body = line.slice(1);
  const nameEnd = NAME.exec(body)?.[0].length ?? 0;
  const segments = body.slice(0, nameEnd).split(":");
  for (let n = segments.length; n > 0; n--) {
    const name = segments.slice(0, n).join(":");
    const translate = MARKERS.get(name);
    if (translate === undefined) continue;
    // `:=` is controller-gen's other way to write `=` (`+kubebuilder:default:=1`).
    const args = body.slice(name.length).replace(/^:?=?/, "");
    const equivalent = translate(args);
    return equivalent ? { name, equivalent } : { name };
  }
  // Any other `kubebuilder:` marker is about the CRD unless it drives code generation.
  const name = body.slice(0, nameEnd);
  const shapesCrd =
    name.startsWith("kubebuilder:") && !CODE_GENERATION.some((p) => name === p || name.startsWith(`${p}:`));
  return shapesCrd ? { name } : undefined;
}

const NAME = /^[A-Za-z][\w.-]*(?::[A-Za-z][\w.-]*)*/;

/** `kubebuilder:` markers for Go code, RBAC, webhooks and scaffolding, not for a CRD's schema. */
const CODE_GENERATION = [
  "kubebuilder:rbac",
  "kubebuilder:webhook",
  "kubebuilder:webhookconfiguration",
  "kubebuilder:object:generate",
  "kubebuilder:object:headerFile",
  "kubebuilder:skip",
  "kubebuilder:scaffold",
  "kubebuilder:ac",
  "kubebuilder:informers",
  "kubebuilder:docs-gen",
];

/** A marker's arguments to an equivalent; undefined when crdgen has none (or cannot read them). */
type Translate = (args: string) => MarkerEquivalent | undefined;

const ON_ROOT = "on the CRD root (the type tagged @crd)";

const tag = (name: string, text = ""): HintTag => ({ name, text });
const one = (name: string, text = ""): MarkerEquivalent => ({ tags: [tag(name, text)] });
const onRoot = (...tags: HintTag[]): MarkerEquivalent => ({ tags, where: ON_ROOT });

/** A tag with the marker's value as its text: `Minimum=0` -> `@minimum 0`. */
const valueTag =
  (name: string): Translate =>
  (args) => {
    const value = unquote(args);
    return value === "" ? undefined : one(name, value);
  };

/** A flag tag, for `X`, `X=true` (and nothing to write for `X=false`). */
const flagTag =
  (name: string): Translate =>
  (args) =>
    isFalse(args) ? { advice: "remove it: false is the default" } : one(name);

/** A tag whose text is the marker's value as JSON (`@default`, `@exampleValue`). */
const jsonTag =
  (name: string): Translate =>
  (args) => {
    const read = goValue(args);
    if (read === undefined) return { advice: `write @${name} with the value as JSON` };
    // The API server reads a null default (or example) as none, and stores the CRD without it.
    if (read.value === null)
      return {
        advice: `remove it: Kubernetes reads a null ${name === "default" ? "default" : "example"} as none`,
      };
    // `1e400`: JSON.stringify would make it null, and the API server refuses it as written.
    return holdsNonFinite(read.value)
      ? {
          advice: `write @${name} with numbers within ±1.7976931348623157e308 (Kubernetes reads 64-bit floats)`,
        }
      : one(name, JSON.stringify(read.value));
  };

/** A tag written on the root, with the marker's value. */
const rootValue =
  (name: string): Translate =>
  (args) => {
    const value = unquote(args);
    return value === "" ? undefined : onRoot(tag(name, value));
  };

const OPTIONAL: MarkerEquivalent = {
  advice: "make the property optional: write `name?: T`",
  optionality: "optional",
};
const REQUIRED: MarkerEquivalent = {
  advice: "a property is required unless it is optional: drop the `?` after its name",
  optionality: "required",
};

const VALIDATION_VALUES: Record<string, string> = {
  Minimum: "minimum",
  Maximum: "maximum",
  MultipleOf: "multipleOf",
  MinLength: "minLength",
  MaxLength: "maxLength",
  MinItems: "minItems",
  MaxItems: "maxItems",
  MinProperties: "minProperties",
  MaxProperties: "maxProperties",
  Pattern: "pattern",
  Format: "format",
  Type: "schemaType",
};

const VALIDATION_FLAGS: Record<string, string> = {
  ExclusiveMinimum: "exclusiveMinimum",
  ExclusiveMaximum: "exclusiveMaximum",
  UniqueItems: "uniqueItems",
  Nullable: "nullable",
  XPreserveUnknownFields: "preserveUnknownFields",
  XEmbeddedResource: "embeddedResource",
  EmbeddedResource: "embeddedResource",
  XIntOrString: "intOrString",
  Schemaless: "schemaless",
};

/** The `kubebuilder:validation:` markers, which also exist for a list's items (`validation:items:`). */
const validation = new Map<string, Translate>([
  ...Object.entries(VALIDATION_VALUES).map(([m, t]): [string, Translate] => [m, valueTag(t)]),
  ...Object.entries(VALIDATION_FLAGS).map(([m, t]): [string, Translate] => [m, flagTag(t)]),
  ["Enum", enumAdvice],
  ["XValidation", celRule],
  ["AtMostOneOf", fieldList("atMostOneOf")],
  ["ExactlyOneOf", fieldList("exactlyOneOf")],
  ["AtLeastOneOf", fieldList("atLeastOneOf")],
]);

const MARKERS = new Map<string, Translate>([
  ...[...validation].map(([m, t]): [string, Translate] => [`kubebuilder:validation:${m}`, t]),
  ...[...validation].map(([m, t]): [string, Translate] => [`kubebuilder:validation:items:${m}`, forItems(t)]),
  ["kubebuilder:validation:Required", () => REQUIRED],
  ["kubebuilder:validation:Optional", () => OPTIONAL],
  ["kubebuilder:pruning:PreserveUnknownFields", flagTag("preserveUnknownFields")],
  ["kubebuilder:default", jsonTag("default")],
  ["default", jsonTag("default")],
  ["kubebuilder:example", jsonTag("exampleValue")],
  ["kubebuilder:title", valueTag("title")],
  ["kubebuilder:externalDocs", externalDocs],
  ["optional", () => OPTIONAL],
  ["required", () => REQUIRED],
  ["nullable", flagTag("nullable")],
  ["listType", valueTag("listType")],
  ["listMapKey", valueTag("listMapKey")],
  ["mapType", valueTag("mapType")],
  ["structType", valueTag("structType")],
  ["kubebuilder:printcolumn", printColumn],
  ["kubebuilder:resource", resource],
  ["kubebuilder:subresource:status", () => onRoot(tag("subresource", "status"))],
  ["kubebuilder:subresource:scale", scale],
  ["kubebuilder:storageversion", () => onRoot(tag("storageVersion"))],
  ["kubebuilder:unservedversion", () => onRoot(tag("served", "false"))],
  ["kubebuilder:deprecatedversion", deprecatedVersion],
  ["kubebuilder:selectablefield", selectableField],
  ["kubebuilder:metadata", metadata],
  [
    "kubebuilder:object:root",
    () => ({ tags: [tag("crd")], where: "on the root type, with @group and @version" }),
  ],
  ["kubebuilder:skipversion", () => undefined],
  ["groupName", rootValue("group")],
  ["versionName", rootValue("version")],
]);

/** `Enum=a;b;c`: a union of literals is crdgen's enum. */
function enumAdvice(args: string): MarkerEquivalent | undefined {
  const values = listOf(args).map(goValueAsJson);
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return { advice: `write the type as a union of literals: ${values.join(" | ")}` };
}

/** `XValidation:rule="...",message="..."` -> `@validation rule="..." message="..."`. */
function celRule(args: string): MarkerEquivalent | undefined {
  const named = namedArgs(args);
  const rule = named.get("rule");
  if (rule === undefined) return undefined;
  const parts = [`rule=${quoted(unquote(rule))}`];
  for (const key of ["message", "messageExpression", "fieldPath"]) {
    const value = named.get(key.toLowerCase());
    if (value !== undefined) parts.push(`${key}=${quoted(unquote(value))}`);
  }
  const reason = named.get("reason");
  if (reason !== undefined) parts.push(`reason=${unquote(reason)}`);
  const optionalOldSelf = named.get("optionaloldself");
  if (optionalOldSelf !== undefined && !isFalse(optionalOldSelf)) parts.push("optionalOldSelf");
  return one("validation", parts.join(" "));
}

/** `ExactlyOneOf=a;b` -> `@exactlyOneOf a,b`. */
function fieldList(name: string): Translate {
  return (args) => {
    const names = listOf(args).map(unquote);
    return names.length === 0 ? undefined : one(name, names.join(","));
  };
}

/** `validation:items:Minimum=0`: crdgen tags a list's item type instead. */
function forItems(translate: Translate): Translate {
  return (args) => {
    const equivalent = translate(args);
    if (equivalent?.tags === undefined) return equivalent;
    return { tags: equivalent.tags, where: "on the list's item type (`type Item = ...`, then `Item[]`)" };
  };
}

function externalDocs(args: string): MarkerEquivalent | undefined {
  const named = namedArgs(args);
  const url = named.get("url");
  if (url === undefined) return undefined;
  const description = named.get("description");
  const text = `url=${keyValue(unquote(url))}${description === undefined ? "" : ` description=${keyValue(unquote(description))}`}`;
  return one("externalDocs", text);
}

const COLUMN_KEYS = ["name", "type", "description", "format", "priority"];

/** `printcolumn:name="Ready",type=string,JSONPath=".status.ready"` -> `@printColumn name=Ready ...`. */
function printColumn(args: string): MarkerEquivalent | undefined {
  const named = namedArgs(args);
  const jsonPath = named.get("jsonpath");
  if (named.get("name") === undefined || named.get("type") === undefined || jsonPath === undefined)
    return undefined;
  const parts = COLUMN_KEYS.slice(0, 2).map((k) => `${k}=${keyValue(unquote(named.get(k)!))}`);
  parts.push(`jsonPath=${keyValue(unquote(jsonPath))}`);
  for (const key of COLUMN_KEYS.slice(2)) {
    const value = named.get(key);
    if (value !== undefined) parts.push(`${key}=${keyValue(unquote(value))}`);
  }
  return onRoot(tag("printColumn", parts.join(" ")));
}

/** `resource:path=widgets,scope=Cluster,shortName=wd;wdg,categories=all,singular=widget`: one tag each. */
function resource(args: string): MarkerEquivalent | undefined {
  const named = namedArgs(args);
  const tags: HintTag[] = [];
  const single = (key: string, name: string) => {
    const value = named.get(key);
    if (value !== undefined) tags.push(tag(name, unquote(value)));
  };
  single("path", "plural");
  single("singular", "singular");
  single("scope", "scope");
  for (const name of listOf(named.get("shortname") ?? "")) tags.push(tag("shortName", unquote(name)));
  for (const name of listOf(named.get("categories") ?? "")) tags.push(tag("category", unquote(name)));
  return tags.length === 0 ? undefined : onRoot(...tags);
}

/** `subresource:scale:specpath=...,statuspath=...,selectorpath=...`. */
function scale(args: string): MarkerEquivalent | undefined {
  const named = namedArgs(args);
  const spec = named.get("specpath");
  const status = named.get("statuspath");
  if (spec === undefined || status === undefined) return undefined;
  const selector = named.get("selectorpath");
  const text = `scale specReplicasPath=${keyValue(unquote(spec))} statusReplicasPath=${keyValue(unquote(status))}${
    selector === undefined ? "" : ` labelSelectorPath=${keyValue(unquote(selector))}`
  }`;
  return onRoot(tag("subresource", text));
}

function deprecatedVersion(args: string): MarkerEquivalent {
  const warning = namedArgs(args).get("warning");
  return onRoot(tag("deprecated", warning === undefined ? "" : unquote(warning)));
}

function selectableField(args: string): MarkerEquivalent | undefined {
  const path = namedArgs(args).get("jsonpath");
  return path === undefined ? undefined : onRoot(tag("selectableField", unquote(path)));
}

/** `metadata:annotations="a=b";"c=d",labels="e=f"`. */
function metadata(args: string): MarkerEquivalent | undefined {
  const named = namedArgs(args);
  const tags = [
    ...listOf(named.get("annotations") ?? "").map((a) => tag("annotation", unquote(a))),
    ...listOf(named.get("labels") ?? "").map((l) => tag("label", unquote(l))),
  ];
  return tags.length === 0 ? undefined : onRoot(...tags);
}

// Reading controller-gen's argument syntax: Go literals (`"a"`, `` `a` ``, bare words, numbers),
// lists as `a;b` or `{a,b}`, and named arguments `key=value,key=value`.

function isFalse(args: string): boolean {
  return unquote(args) === "false";
}

/** A Go string literal's text, or the value as written. */
function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith("`") && v.endsWith("`")) return v.slice(1, -1);
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}

/** Named arguments, by lower-cased key (controller-gen's argument names are matched so). */
function namedArgs(args: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of splitTop(args, ",")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1));
    else if (part.trim() !== "") out.set(part.trim().toLowerCase(), "true");
  }
  return out;
}

/** The items of a list: `a;b;c` or `{a,b,c}`. */
function listOf(value: string): string[] {
  const v = value.trim();
  const items = v.startsWith("{") && v.endsWith("}") ? splitTop(v.slice(1, -1), ",") : splitTop(v, ";");
  return items.map((i) => i.trim()).filter((i) => i !== "");
}

/** `text` split at `separator` outside quotes, braces and brackets. */
function splitTop(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "`" || c === "'") quote = c;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/**
 * A Go-literal value: JSON as it is, a quoted or bare string as a string, braces as go-literal.ts
 * reads them (`{a,b}` a list, `{key: value}` a map). undefined for what it cannot read.
 */
function goValue(value: string): { value: unknown } | undefined {
  const v = value.trim();
  if (v === "") return undefined;
  try {
    return { value: JSON.parse(v) as unknown };
  } catch {
    // not JSON: a Go literal
  }
  if (/^[`'"]/.test(v)) return { value: unquote(v) };
  if (v.startsWith("{")) {
    const literal = goLiteralValue(v);
    return literal === undefined ? undefined : { value: literal };
  }
  return /^[^\s{}[\],]+$/.test(v) ? { value: v } : undefined;
}

/** A Go-literal value (goValue) as JSON text; undefined also for a number JSON cannot write (`1e400`). */
function goValueAsJson(value: string): string | undefined {
  const read = goValue(value);
  return read === undefined || holdsNonFinite(read.value) ? undefined : JSON.stringify(read.value);
}

/** A value for a crdgen `key=value` argument: bare when it reads back so, else quoted. */
function keyValue(value: string): string {
  return /^[^\s"'\\]+$/.test(value) ? value : quoted(value);
}
