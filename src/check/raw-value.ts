/** The value at a path of a checked document, as written, for hints that quote what the user wrote. */
import { isPlainObject } from "../validate/json.js";
import type { Segment } from "./positions.js";

export function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let node = root;
  for (const s of segments) {
    if (typeof s === "number" ? !Array.isArray(node) : !isPlainObject(node)) return undefined;
    const container = node as Record<string | number, unknown>;
    if (!Object.hasOwn(container, s)) return undefined;
    node = container[s];
  }
  return node;
}
