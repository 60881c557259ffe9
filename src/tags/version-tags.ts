/**
 * Root tags that shape one version entry of the CRD (subresources, printer columns,
 * selectable fields, served/storage/deprecation) or the CRD's own metadata.
 */
import type { CustomResourceColumnDefinition, CustomResourceSubresourceScale } from "../schema/types.js";
import { isValidLabelValue } from "../validate/dns.js";
import { fail, jsonAsKeyValues, ok, oneLine, parseFlag, parseKeyValues, unknownKeys } from "./parse.js";
import { defineTag, type RegisteredTag, type TagParseResult } from "./registry.js";

const CRD = ["crd"] as const;

export type SubresourceTag = { kind: "status" } | ({ kind: "scale" } & CustomResourceSubresourceScale);

const SCALE_KEYS = ["specReplicasPath", "statusReplicasPath", "labelSelectorPath"];

/**
 * A path the API server takes only if it starts at the object's root (`.spec.x`): Kubernetes
 * refuses `spec.x` ("must be a simple json path starting with ."), so it is said here, not
 * later as a field that does not exist.
 */
function rootedPath(key: string, path: string | undefined): TagParseResult<undefined> {
  return path === undefined || path.startsWith(".")
    ? ok(undefined)
    : fail(
        `${key} must start with "." (a path from the object's root), got "${path}"`,
        `write ${key}=.${path}`,
      );
}

function parseSubresource(text: string): TagParseResult<SubresourceTag> {
  const [word, ...rest] = text.trim().split(/\s+/);
  if (word === "status")
    return rest.length === 0 ? ok({ kind: "status" }) : fail("status takes no arguments");
  if (word !== "scale") return fail(`expects status or scale, got "${word ?? ""}"`);
  const kv = parseKeyValues(rest.join(" "), SCALE_KEYS);
  if (!kv.ok) return withJsonHint(kv, rest.join(" "), "@subresource scale");
  const get = (k: string) => {
    const v = kv.value.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const unknown = unknownKeys<SubresourceTag>(kv.value, SCALE_KEYS, "@subresource scale");
  if (unknown) return unknown;
  const specReplicasPath = get("specReplicasPath");
  const statusReplicasPath = get("statusReplicasPath");
  if (!specReplicasPath || !statusReplicasPath) {
    return fail(
      "scale needs specReplicasPath=... and statusReplicasPath=...",
      "write @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas",
    );
  }
  const labelSelectorPath = get("labelSelectorPath");
  for (const key of SCALE_KEYS) {
    const rooted = rootedPath(key, get(key));
    if (!rooted.ok) return rooted;
  }
  return ok({
    kind: "scale",
    specReplicasPath,
    statusReplicasPath,
    ...(labelSelectorPath ? { labelSelectorPath } : {}),
  });
}

/**
 * A key=value text that is JSON, as kube-rs' legacy `printcolumn = r#"{...}"#` and `scale = r#"{...}"#`
 * take it, is refused with the tag written as key=value in the hint; other failures are kept.
 */
function withJsonHint<V>(failed: TagParseResult<V>, text: string, written: string): TagParseResult<V> {
  const kv = jsonAsKeyValues(text);
  return kv === undefined || failed.ok ? failed : fail("takes key=value, not JSON", `write ${written} ${kv}`);
}

const COLUMN_KEYS = ["name", "type", "jsonPath", "JSONPath", "description", "format", "priority"];

function parseColumn(text: string): TagParseResult<CustomResourceColumnDefinition> {
  const kv = parseKeyValues(text, COLUMN_KEYS);
  if (!kv.ok) return withJsonHint(kv, text, "@printColumn");
  const v = kv.value;
  const unknown = unknownKeys<CustomResourceColumnDefinition>(v, COLUMN_KEYS, "@printColumn");
  if (unknown) return unknown;
  const str = (k: string) => (typeof v.get(k) === "string" ? (v.get(k) as string) : undefined);
  const name = str("name");
  const type = str("type");
  const jsonPath = str("jsonPath") ?? str("JSONPath");
  if (!name || !type || !jsonPath)
    return fail(
      "needs name=, type= and jsonPath=",
      "write @printColumn name=Age type=date jsonPath=.metadata.creationTimestamp",
    );
  // A type or format Kubernetes does not know is its error, reported at this tag
  // (emit/envelope-origins.ts), in the same words and with the same list.
  const rooted = rootedPath(v.has("jsonPath") ? "jsonPath" : "JSONPath", jsonPath);
  if (!rooted.ok) return rooted;
  const format = str("format");
  const priorityText = str("priority");
  if (priorityText !== undefined && !/^\d+$/.test(priorityText))
    return fail(
      `priority must be a non-negative integer, got "${priorityText}"`,
      "write priority=0 for a column kubectl get shows, or priority=1 for one only -o wide shows",
    );
  // A description wrapped over several comment lines is one sentence (oneLine), as a controller-gen
  // printcolumn marker's is (and as @validation joins a message).
  const description = str("description");
  return ok({
    name,
    type,
    jsonPath,
    ...(description !== undefined ? { description: oneLine(description) } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(priorityText !== undefined ? { priority: Number(priorityText) } : {}),
  });
}

function parseServed(text: string): TagParseResult<boolean> {
  const t = text.trim();
  if (t === "" || t === "true") return ok(true);
  if (t === "false") return ok(false);
  return fail(`expects true or false, got "${t}"`);
}

/**
 * A selectable field's path. Pasted from controller-gen's marker
 * (`+kubebuilder:selectablefield:JSONPath=\`.spec.x\``), its key and quotes are refused with the
 * path alone in the hint, as is a path without its leading dot.
 */
function parseJsonPath(text: string): TagParseResult<string> {
  const t = text.trim();
  if (t.startsWith(".") && !/\s/.test(t)) return ok(t);
  const pasted = /^(jsonpath\s*=\s*)?(["'`]?)([^\s"'`]+)\2$/i.exec(t);
  if (!pasted) return fail(`expects a JSON path starting with ".", got "${t}"`);
  const [, key, quote, bare = ""] = pasted;
  const hint = `write @selectableField ${bare.startsWith(".") ? bare : `.${bare}`}`;
  if (key) return fail(`takes the path alone, not controller-gen's ${key.trim()} key, got "${t}"`, hint);
  if (quote) return fail(`is written in quotes, which would be part of the path`, hint);
  return fail(`expects a JSON path starting with ".", got "${t}"`, hint);
}

function parsePair(text: string): TagParseResult<[string, string]> {
  const t = text.trim();
  const eq = t.indexOf("=");
  if (eq <= 0) return fail(`expects key=value, got "${t}"`);
  let value = t.slice(eq + 1).trim();
  if (/^".*"$/.test(value) || /^'.*'$/.test(value)) value = value.slice(1, -1);
  return ok([t.slice(0, eq).trim(), value]);
}

/**
 * A label's value is checked here, for the hint Kubernetes cannot give: free text belongs in an
 * annotation. Keys (a qualified name, `[prefix/]name`) are Kubernetes' check alone, reported at
 * the tag (emit/envelope-origins.ts): it reads an annotation's key in lower case.
 */
function parseLabel(text: string): TagParseResult<[string, string]> {
  const pair = parsePair(text);
  if (!pair.ok) return pair;
  const value = pair.value[1];
  const problems = isValidLabelValue(value);
  return problems.length === 0
    ? pair
    : fail(
        `value "${value}" is not valid: ${problems.join("; ")}`,
        "a label's value is at most 63 letters, digits, '-', '_' or '.'; use an @annotation for free text",
      );
}

export const versionTags: RegisteredTag[] = [
  defineTag({
    name: "subresource",
    targets: CRD,
    summary:
      "Enables the status or scale subresource (scale needs specReplicasPath= and statusReplicasPath=).",
    syntax: "@subresource status | scale specReplicasPath=.. statusReplicasPath=.. [labelSelectorPath=..]",
    repeatable: true,
    distinct: { by: (v) => v.kind },
    parse: parseSubresource,
  }),
  defineTag({
    name: "printColumn",
    targets: CRD,
    summary:
      "An additional printer column for kubectl get (repeatable; one name and path at most once); jsonPath is kubectl's JSONPath, where `\\.` is a dot inside a name.",
    syntax: '@printColumn name=<n> type=<t> jsonPath=<.path> [description="..."] [format=<f>] [priority=<n>]',
    repeatable: true,
    // Two columns of one name showing different paths are fine (Kubernetes and kubectl take them,
    // and Cluster API's MachineDeployment has two "Available"); one name and path twice is a slip.
    distinct: {
      by: (v) => `name=${v.name} jsonPath=${v.jsonPath}`,
      hint: "give each column its own name or path",
    },
    parse: parseColumn,
  }),
  defineTag({
    name: "selectableField",
    targets: CRD,
    summary: "A field usable in field selectors (repeatable, each path once, at most 8); names between dots.",
    syntax: "@selectableField <.path>",
    repeatable: true,
    distinct: { by: (v) => v },
    parse: parseJsonPath,
  }),
  defineTag({
    name: "storageVersion",
    targets: CRD,
    summary: "This version is the one stored in etcd (exactly one per multi-version CRD).",
    syntax: "@storageVersion",
    parse: parseFlag,
  }),
  defineTag({
    name: "served",
    targets: CRD,
    summary: "Whether the API server serves this version (default true).",
    syntax: "@served true|false",
    parse: parseServed,
  }),
  defineTag({
    name: "annotation",
    targets: CRD,
    summary: "An annotation on the CRD object itself (repeatable, each key once).",
    syntax: "@annotation <key>=<value>",
    repeatable: true,
    distinct: { by: ([key]) => key, hint: "keep one value for the key" },
    parse: parsePair,
  }),
  defineTag({
    name: "label",
    targets: CRD,
    summary: "A label on the CRD object itself (repeatable, each key once).",
    syntax: "@label <key>=<value>",
    repeatable: true,
    distinct: { by: ([key]) => key, hint: "keep one value for the key" },
    parse: parseLabel,
  }),
];

/**
 * `@deprecated` on a root deprecates the version; its text is the deprecation warning. A text
 * wrapped over several comment lines is one sentence: Kubernetes refuses a line break in a
 * warning (a control character), so the lines are joined with a space.
 */
export function deprecationOf(text: unknown): { deprecated: true; deprecationWarning?: string } {
  const warning = typeof text === "string" ? oneLine(text.replace(/^"(.*)"$/s, "$1")).trim() : "";
  return warning ? { deprecated: true, deprecationWarning: warning } : { deprecated: true };
}
