/**
 * What validating a CRD can keep from one run of a long-lived session (watch mode, the build
 * plugins) to the next. A rebuild's CRD reuses the very schema objects of the last run wherever
 * the edit changed nothing (transforms/memo.ts, write/render.ts); the work on such a subtree that
 * depends on nothing but the subtree is then looked up instead of redone: strict decoding, the
 * structural conversion and the JSON size. An edit costs these the nodes on its way to the root.
 *
 * Errors always come from a fresh walk: only subtrees that decoded and converted without one are
 * kept. Their results hold at the depth they were met or nearer the root (the only context they
 * have is how deep nesting may go). The keys must never be changed once validated, which holds
 * for crdgen's own output; a one-shot run and `crdgen check` use no memo. Nodes without child
 * schemas, and small objects, are done again rather than kept; what is kept (mostly the structural
 * form) costs a session about 4 MB of heap at 1,000 synthetic types and 20 MB at 5,000.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import type { Structural } from "./structural/types.js";

/** A subtree that decoded to itself without an error: the features its nodes have (schema-has.ts). */
export interface DecodedSubtree {
  readonly depth: number;
  readonly features: number;
}

/** A subtree's structural form. */
export interface ConvertedSubtree {
  readonly depth: number;
  readonly structural: Structural;
}

/**
 * Whether the memo keeps a node's results: an object with child schemas. The others (most nodes)
 * are cheaper to decode and convert again than to keep.
 */
export function hasChildSchemas(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const node = value as JSONSchemaProps;
  return (
    node.properties !== undefined || node.items !== undefined || typeof node.additionalProperties === "object"
  );
}

export class ValidationMemo {
  readonly decoded = new WeakMap<object, DecodedSubtree>();
  readonly converted = new WeakMap<JSONSchemaProps, ConvertedSubtree>();
  /** Bytes of an object as Go's encoding/json writes it (go-json-size.ts), counted in full. */
  readonly jsonSize = new WeakMap<object, number>();
}
