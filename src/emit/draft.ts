/**
 * The schema as emitted, before transforms: JSON-Schema flavoured (`$ref` to named
 * types, `anyOf` with `{type: "null"}` branches for `| null`, `uniqueItems` for sets),
 * carrying where each node was written. Transforms lower it to a structural schema.
 */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { JSONSchemaProps } from "../schema/types.js";

type Nested =
  "items" | "allOf" | "oneOf" | "anyOf" | "not" | "properties" | "additionalProperties" | "definitions";

export interface DraftSchema extends Omit<JSONSchemaProps, Nested> {
  items?: DraftSchema;
  allOf?: DraftSchema[];
  oneOf?: DraftSchema[];
  anyOf?: DraftSchema[];
  not?: DraftSchema;
  properties?: Record<string, DraftSchema>;
  additionalProperties?: DraftSchema | boolean;
  /** Where the node was written; stripped before output. */
  "x-crdgen-origin"?: SourceLocation;
  /** The TypeScript name of the named type a node came from; stripped before output. */
  "x-crdgen-type"?: string;
  /** Set by @noUnionRules: union-lowering adds no per-member CEL rules here; stripped before output. */
  "x-crdgen-no-union-rules"?: boolean;
  /** Set by @immutable: transforms/immutable.ts adds the parent's "immutable once set" rule; stripped before output. */
  "x-crdgen-immutable"?: boolean;
  /** On every node of a schema a known type supplied whole (Kubernetes' own): kept as published; stripped before output. */
  "x-crdgen-verbatim"?: boolean;
  /**
   * A named type's @deprecated note, so that a field with a doc of its own still says it
   * (see inline-refs' inlinedAt); stripped before output.
   */
  "x-crdgen-deprecation"?: string;
  /** An object's properties declared `?: never` (IrObject.absent), for union-lowering; stripped before output. */
  "x-crdgen-absent"?: string[];
  /** Where inline-refs cut a recursion it reported; stripped before output. */
  "x-crdgen-recursion"?: boolean;
}

/** A root schema plus the named types it references, keyed as in `$ref: "#/definitions/<key>"`. */
export interface DraftDocument {
  schema: DraftSchema;
  definitions: Record<string, DraftSchema>;
}

export const REF_PREFIX = "#/definitions/";
export const ORIGIN = "x-crdgen-origin";
export const TYPE_NAME = "x-crdgen-type";
export const IMMUTABLE = "x-crdgen-immutable";
export const DEPRECATION = "x-crdgen-deprecation";
export const ABSENT = "x-crdgen-absent";
export const RECURSION = "x-crdgen-recursion";

export function refTo(name: string): string {
  return REF_PREFIX + name;
}
