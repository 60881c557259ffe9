/**
 * Resolves the simple JSONPaths CRDs use (`.spec.replicas`,
 * `.status.conditions[?(@.type=="Ready")].status`) against a schema, so printer columns,
 * scale paths and selectable fields can be checked at generation time. The API server
 * only checks that they start with a dot; a typo there shows up as an empty column.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import { own } from "../validate/json.js";

/**
 * How Kubernetes reads a path. A printer column's is kubectl's JSONPath, where `\.` is a dot
 * inside a name and `['a.b']`, `[0]`, `[*]` and filters are steps. A scale path is split at
 * every dot (`strings.Split` in the API server's scale handler), and a selectable field's is
 * `ValidFieldPath` without array notation: names between dots, no escapes, no brackets.
 */
export type PathSyntax = "jsonpath" | "dotted";

export type Resolved =
  | { kind: "found"; schema: JSONSchemaProps }
  /** Under preserve-unknown-fields or another schema-less node: anything may be there. */
  | { kind: "unknown" }
  /**
   * `name` and `parent`, when a field is missing: its name and the path to where it was looked
   * for, which holds `fields` (an object) or is a list (`inList`), for the hint.
   */
  | { kind: "missing"; at: string; name?: string; parent?: string; fields?: string[]; inList?: true }
  /** Not a path of this syntax: `rest` is the text from where it cannot be read on. */
  | { kind: "unreadable"; rest: string };

/** One step of a path, with its text as written (for messages). */
export type PathStep = { kind: "field"; name: string; text: string } | { kind: "items"; text: string };

const STRING: JSONSchemaProps = { type: "string" };
const TIME: JSONSchemaProps = { type: "string", format: "date-time" };
const INT64: JSONSchemaProps = { type: "integer", format: "int64" };
const STRING_MAP: JSONSchemaProps = { type: "object", additionalProperties: STRING };

/**
 * ObjectMeta's fields as the API server defines them (metav1.ObjectMeta; the root's metadata
 * schema is just `object`), so that a column on `.metadata.ownerReferences[0].name` is checked.
 */
const OBJECT_META: Record<string, JSONSchemaProps> = {
  name: STRING,
  generateName: STRING,
  namespace: STRING,
  selfLink: STRING,
  uid: STRING,
  resourceVersion: STRING,
  generation: INT64,
  creationTimestamp: TIME,
  deletionTimestamp: TIME,
  deletionGracePeriodSeconds: INT64,
  labels: STRING_MAP,
  annotations: STRING_MAP,
  ownerReferences: {
    type: "array",
    items: {
      type: "object",
      properties: {
        apiVersion: STRING,
        kind: STRING,
        name: STRING,
        uid: STRING,
        controller: { type: "boolean" },
        blockOwnerDeletion: { type: "boolean" },
      },
    },
  },
  finalizers: { type: "array", items: STRING },
  managedFields: {
    type: "array",
    items: {
      type: "object",
      properties: {
        manager: STRING,
        operation: STRING,
        apiVersion: STRING,
        time: TIME,
        fieldsType: STRING,
        fieldsV1: { type: "object" },
        subresource: STRING,
      },
    },
  },
};

/** ObjectMeta's field names, for a hint about a path into metadata that names none of them. */
export const OBJECT_META_FIELDS: readonly string[] = Object.keys(OBJECT_META);

/** The steps of `path`, or the text from where it cannot be read. */
export function splitPath(path: string, syntax: PathSyntax = "jsonpath"): PathStep[] | { rest: string } {
  return syntax === "dotted" ? splitDotted(path) : splitJsonPath(path);
}

/** A bracket step: a filter, `*`, an index or a quoted key. */
const BRACKET = /\[(?:\?\([^)]*\)|\*|\d+|'([^']*)'|"([^"]*)")\]/y;

/** Characters that end a name in kubectl's JSONPath (its parser's isTerminator) unless escaped. */
const TERMINATORS = new Set([".", ",", "[", "]", "$", "@", "{", "}", " ", "\t", "\r", "\n"]);

function splitJsonPath(path: string): PathStep[] | { rest: string } {
  if (!path.startsWith(".")) return { rest: path };
  const out: PathStep[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === ".") {
      let j = i + 1;
      while (j < path.length && !TERMINATORS.has(path[j]!)) j += path[j] === "\\" ? 2 : 1;
      j = Math.min(j, path.length);
      // As kubectl does: `\` keeps the next character in the name, and is itself dropped.
      const name = path.slice(i + 1, j).replaceAll("\\", "");
      if (name === "") return { rest: path.slice(i) };
      out.push({ kind: "field", name, text: path.slice(i, j) });
      i = j;
      continue;
    }
    BRACKET.lastIndex = i;
    const m = BRACKET.exec(path);
    if (!m) return { rest: path.slice(i) };
    const key = m[1] ?? m[2];
    out.push(key !== undefined ? { kind: "field", name: key, text: m[0] } : { kind: "items", text: m[0] });
    i = BRACKET.lastIndex;
  }
  return out;
}

function splitDotted(path: string): PathStep[] | { rest: string } {
  if (!path.startsWith(".")) return { rest: path };
  const out: PathStep[] = [];
  let at = 0;
  for (const name of path.slice(1).split(".")) {
    // Brackets and escapes mean something in a column's path, but here they would be taken
    // as part of a name, or refused: `.spec['a.b']`, `.spec.a\.b` are not what was meant.
    if (name === "" || /[[\]\\]/.test(name)) return { rest: path.slice(at) };
    out.push({ kind: "field", name, text: `.${name}` });
    at += name.length + 1;
  }
  return out;
}

export function resolvePath(root: JSONSchemaProps, path: string, syntax: PathSyntax = "jsonpath"): Resolved {
  const steps = splitPath(path, syntax);
  if (!Array.isArray(steps)) return { kind: "unreadable", rest: steps.rest };
  const first = steps[0];
  const inMetadata = first?.kind === "field" && first.name === "metadata";
  let node: JSONSchemaProps = root;
  let walked = "";
  for (const [i, step] of steps.entries()) {
    walked += step.text;
    if (i === 1 && inMetadata) {
      const meta = step.kind === "field" ? own(OBJECT_META, step.name) : undefined;
      if (!meta) return { kind: "missing", at: walked };
      node = meta;
      continue;
    }
    if (step.kind === "items") {
      if (node["x-kubernetes-preserve-unknown-fields"] === true) return { kind: "unknown" };
      if (node.type !== "array" || !node.items || Array.isArray(node.items))
        return { kind: "missing", at: walked };
      node = node.items;
      continue;
    }
    const next =
      own(node.properties, step.name) ??
      (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined);
    if (!next)
      return node["x-kubernetes-preserve-unknown-fields"] === true
        ? { kind: "unknown" }
        : {
            kind: "missing",
            at: walked,
            name: step.name,
            parent: walked.slice(0, walked.length - step.text.length),
            ...(node.type === "array"
              ? { inList: true as const }
              : { fields: Object.keys(node.properties ?? {}) }),
          };
    node = next;
  }
  return { kind: "found", schema: node };
}

/** The schema's value type as a column would show it: integer, number, string, boolean, object, array or int-or-string. */
export function valueType(schema: JSONSchemaProps): string | undefined {
  if (schema["x-kubernetes-int-or-string"] === true) return "int-or-string";
  return schema.type;
}
