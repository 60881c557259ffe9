/**
 * YAML 1.1 merge keys (`<<: *base`) resolved as kubectl resolves them, so that `crdgen check`
 * validates what kubectl sends. kubectl, Helm and the API server read YAML with
 * sigs.k8s.io/yaml, a fork of go-yaml v2, which merges a plain `<<` key where it stands: the
 * mapping's entries are applied in order, each overwriting what came before, so an entry after
 * `<<` overrides the merged one and an entry before it is overridden (unlike the YAML spec, where
 * the mapping's own entries always win); in `<<: [*a, *b]` the earlier mapping wins. A quoted
 * `"<<"` is an ordinary key there too.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Scalar,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";

/** go-yaml v2's words for a merge of something that is not a mapping. */
export class MergeKeyError extends Error {
  constructor(
    message: string,
    /** Offset in the stream of the value that could not be merged. */
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A plain (unquoted, untagged) `<<` key, which go-yaml v2 takes as a merge. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === Scalar.PLAIN && key.source === "<<" && key.tag === undefined;
}

/** Whether any mapping of `doc` has a merge key (most documents have none, and skip the walk). */
export function hasMergeKeys(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Pair(_key, pair) {
      if (!isMergeKey(pair.key)) return undefined;
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** How a scalar (a key or a value) becomes a JavaScript value. */
export type ScalarReader = (scalar: Scalar) => unknown;

/**
 * The document's value with its merge keys applied, its scalars read by `read` (YAML 1.2's
 * reading by default). Call it after `doc.toJS` succeeded, which has already refused aliases
 * that name nothing and alias bombs.
 */
export function toJsWithMerges(
  doc: Document.Parsed,
  read: ScalarReader = (scalar) => scalar.toJS(doc),
): unknown {
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);

  const convert = (node: unknown): unknown => {
    const target = resolve(node);
    if (isMap(target)) {
      const out: Record<string, unknown> = {};
      for (const pair of target.items) {
        if (isMergeKey(pair.key)) mergeInto(out, pair);
        else set(out, keyString(pair.key, read), convert(pair.value));
      }
      return out;
    }
    if (isSeq(target)) return target.items.map(convert);
    if (isScalar(target)) return read(target);
    return null;
  };

  const mergeInto = (out: Record<string, unknown>, pair: Pair): void => {
    const value = resolve(pair.value);
    const sources = isSeq(value) ? value.items.map(resolve).reverse() : [value];
    for (const source of sources) {
      if (!isMap(source)) {
        const at = (pair.value as Node | null)?.range?.[0] ?? 0;
        throw new MergeKeyError("map merge requires map or sequence of maps as the value", at);
      }
      for (const [k, v] of Object.entries(convert(source) as Record<string, unknown>)) set(out, k, v);
    }
  };

  return convert(doc.contents);
}

/**
 * The entry of `map` that gives `key` its value in kubectl's reading: its own entry, or one that
 * a merge key brings in (so that a finding in merged content points at the anchored mapping).
 */
export function entryOf(map: YAMLMap, key: string, doc: Document.Parsed): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) found = mergedEntry(pair.value, key, doc) ?? found;
    else if (keyString(pair.key) === key) found = pair;
  }
  return found;
}

function mergedEntry(value: unknown, key: string, doc: Document.Parsed): Pair | undefined {
  const target = isAlias(value) ? value.resolve(doc) : value;
  const sources = isSeq(target) ? target.items.map((i) => (isAlias(i) ? i.resolve(doc) : i)) : [target];
  for (const source of sources) {
    const pair = isMap(source) ? entryOf(source, key, doc) : undefined;
    if (pair) return pair;
  }
  return undefined;
}

/** A key as a JSON object key, as the `yaml` package's toJS (and sigs.k8s.io/yaml) writes it. */
function keyString(key: unknown, read: ScalarReader = (scalar) => scalar.value): string {
  if (!isScalar(key)) return String(key);
  const value = read(key);
  return value === null ? "" : String(value);
}

/** Sets a key without letting `__proto__` reach the prototype. */
function set(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
