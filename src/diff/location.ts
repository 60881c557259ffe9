/**
 * Where a change sits in the new CRD document, as a key path its source line is found by.
 * A path may name nodes only the old side has (a removed field): it is cut short at the
 * deepest node the new document has. A path that ends on a list entry points at the key
 * that names the entry (`- served: true` may come before `name: v1`), so that an annotation
 * marks the entry's name, not whichever key happens to come first.
 */
import { isRecord } from "./crd-access.js";
import type { DocumentLocation } from "./types.js";

/** The key naming each entry of the CRD's lists, by the key that holds the list. */
const ENTRY_KEYS: Readonly<Record<string, string>> = {
  versions: "name",
  additionalPrinterColumns: "name",
  selectableFields: "jsonPath",
  "x-kubernetes-validations": "rule",
};

/** The longest prefix of `location` that leads to an existing node of `root`. */
function existingPrefix(
  root: unknown,
  location: DocumentLocation,
): { path: DocumentLocation; node: unknown } {
  const path: DocumentLocation = [];
  let node: unknown = root;
  for (const key of location) {
    // Own keys only: a property named `constructor` must not lead into Object's prototype.
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) break;
    const next: unknown = (node as Record<string | number, unknown>)[key];
    if (next === undefined) break;
    path.push(key);
    node = next;
  }
  return { path, node };
}

/** `location` in `root`, cut short where `root` lacks it, ending at an entry's naming key. */
export function locationIn(root: unknown, location: DocumentLocation): DocumentLocation {
  const { path, node } = existingPrefix(root, location);
  const list = path.at(-2);
  if (typeof path.at(-1) !== "number" || typeof list !== "string" || !isRecord(node)) return path;
  const key = ENTRY_KEYS[list];
  return key !== undefined && Object.hasOwn(node, key) ? [...path, key] : path;
}
