/**
 * The tag a Kubernetes refusal of a generated CRD is about. Kubernetes names a keyword of a
 * schema node (`...properties[ports].x-kubernetes-list-map-keys`), or a node below the one whose
 * keyword is at fault (a set's `items.x-kubernetes-map-type`); a tag wrote that keyword, and the
 * user fixes the tag, which may be on a named type far from the field. Asked only for an error.
 *
 *   spec.validation.openAPIV3Schema.properties[spec].properties[ports].x-kubernetes-list-map-keys:
 *   Required value: must not be empty if x-kubernetes-list-type is map
 *   -> node `spec.ports`, keyword x-kubernetes-list-type -> the `@listType map` tag
 */
import { tagWriting, type TagSource } from "../emit/keyword-origins.js";
import type { CustomResourceDefinition, JSONSchemaProps } from "../schema/types.js";
import type { FieldError } from "../validate/field-error.js";
import { followSchemaPath, splitSchemaPath } from "../../transforms/origins.js";
import type { SourceLocation } from "./diagnostic.js";

/** One step down a schema, as Kubernetes writes it (`.properties[a]`, `.items`, `.additionalProperties`). */
interface Step {
  raw: string;
  /** The property's name, for a `.properties[...]` step. */
  property?: string;
}

/** A keyword of a node a tag may have written: the first of an error's suspects a tag wrote is told. */
interface Suspect {
  node: readonly Step[];
  keyword: string;
  /** The tag's own value, when several tags write the keyword (`@listMapKey a @listMapKey b`). */
  value?: string;
}

const STEP = /^\.(?:properties\[(.*?)\](?=\.|$)|items(?=\.|$)|additionalProperties(?=\.|$))/;

/**
 * The location of the tag that wrote the keyword Kubernetes' `error` is about, or undefined when
 * no tag wrote it (the error is about the type itself) or the error is outside the schema.
 */
export function rejectedTag(
  error: FieldError,
  crd: CustomResourceDefinition,
  source: TagSource,
): SourceLocation | undefined {
  const { version, schemaPath } = splitSchemaPath(error.field);
  if (schemaPath === undefined) return undefined;
  const { steps, tail } = splitSteps(schemaPath);
  const root = crd.spec.versions[version]?.schema?.openAPIV3Schema;
  for (const s of suspects(error, steps, tail, root)) {
    const origin = tagWriting(source, tagPath(s.node), s.keyword, s.value);
    if (origin) return origin;
  }
  return undefined;
}

/** A schema path as the nodes it goes down and the keyword path after them. */
function splitSteps(schemaPath: string): { steps: Step[]; tail: string } {
  const steps: Step[] = [];
  let rest = schemaPath;
  for (let m = STEP.exec(rest); m; m = STEP.exec(rest)) {
    steps.push(m[1] === undefined ? { raw: m[0] } : { raw: m[0], property: m[1] });
    rest = rest.slice(m[0].length);
  }
  return { steps, tail: rest };
}

/** The keywords an error may be about, most likely first. */
function suspects(
  error: FieldError,
  steps: readonly Step[],
  tail: string,
  root: JSONSchemaProps | undefined,
): Suspect[] {
  const { detail } = error;
  const last = steps.at(-1);
  const parent = steps.slice(0, -1);
  // A list-map key's property (`items.properties[name].default`): the `@listMapKey name` naming it.
  if (
    detail.startsWith("this property is in x-kubernetes-list-map-keys") ||
    detail.startsWith("must be a scalar type if parent array's x-kubernetes-list-type is map")
  ) {
    const list = steps.slice(0, -2);
    return last?.property !== undefined && steps.at(-2)?.raw === ".items"
      ? [{ node: list, keyword: "x-kubernetes-list-map-keys", value: last.property }]
      : [];
  }
  // The items of a set, or of a list-map, break the list's @listType.
  if (
    last?.raw === ".items" &&
    (detail.includes("item of a list with x-kubernetes-list-type=set") ||
      detail.includes("parent array's x-kubernetes-list-type is map"))
  )
    return [{ node: parent, keyword: "x-kubernetes-list-type" }];
  // A list with no item schema: a tag made a field that is no list an array (`@schemaType array`).
  if (last?.raw === ".items" && tail === "" && detail === "must be specified")
    return [{ node: parent, keyword: "type" }];
  const keyword = /^\.([\w$-]+)/.exec(tail)?.[1];
  const own: Suspect[] = keyword === undefined ? [] : [{ node: steps, keyword }];
  if (keyword === "x-kubernetes-list-map-keys") {
    const key = faultyMapKey(error, root && followSchemaPath(root, steps.map((s) => s.raw).join("")));
    if (key !== undefined) own.unshift({ node: steps, keyword, value: key });
  }
  // Kubernetes' words name the keyword that makes this one wrong: `must be object if x-kubernetes-map-type is specified`.
  const named = /\bif (x-kubernetes-[\w-]+) is\b/.exec(detail)?.[1];
  // An error at a node's `.items` or `.additionalProperties` is about the node holding them.
  const holder = tail === "" ? parent : steps;
  return named === undefined ? own : [...own, { node: holder, keyword: named }];
}

/** The key of `@listMapKey` tags the items lack, or the one written twice. */
function faultyMapKey(error: FieldError, list: JSONSchemaProps | undefined): string | undefined {
  if (!Array.isArray(error.badValue)) return undefined;
  const keys = error.badValue.filter((k): k is string => typeof k === "string");
  if (error.detail === "must not contain duplicate entries")
    return keys.find((k, i) => keys.indexOf(k) !== i);
  const items = list?.items;
  const properties = items && !Array.isArray(items) ? (items.properties ?? {}) : undefined;
  return properties && keys.find((k) => !Object.hasOwn(properties, k));
}

/**
 * A schema path below `openAPIV3Schema` as the property path of the field it is about, as far as
 * it goes down properties, items and map values: `.properties[spec].properties[ports].items.x-kubernetes-map-type`
 * -> `spec.ports[]`.
 */
export function fieldPathOf(schemaPath: string): string {
  return tagPath(splitSteps(schemaPath).steps);
}

/** Kubernetes' steps as keyword-origins' path: `.properties[spec].properties[ports].items` -> `spec.ports[]`. */
function tagPath(steps: readonly Step[]): string {
  let path = "";
  for (const s of steps) {
    if (s.property !== undefined) path += path === "" ? s.property : `.${s.property}`;
    else path += s.raw === ".items" ? "[]" : "[*]";
  }
  return path;
}
