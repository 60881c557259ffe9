/**
 * How deeply crdgen reads nested YAML and JSON, and where a stream goes deeper.
 *
 * Kubernetes' own readers stop at 10,000 levels: kubectl's and Helm's YAML parser (go-yaml v2
 * in sigs.k8s.io/yaml: `exceeded max depth of 10000`) and the API server's JSON decoder
 * (sigs.k8s.io/json, from Go's encoding/json: `exceeded max depth`). The `yaml` package composes
 * documents by recursion and, with Node's default stack, runs out of it after about 800 levels
 * of flow collections (JSON); close to that edge V8 may even abort the process while compiling a
 * regular expression. So crdgen checks the depth first, on the parser's token stream (read
 * without recursion), and reads at most MAX_NESTING levels: no CRD comes near it (the deepest
 * of the 215 in the test corpus is under 40), and the whole run stays far from the stack's end.
 */
import type { CST } from "yaml";

/** Levels of mappings and sequences crdgen reads; one more is an error at the collection that opens it. */
export const MAX_NESTING = 500;

export function tooDeepMessage(): string {
  return (
    `mappings and sequences nested more than ${MAX_NESTING} levels deep: crdgen reads at most ${MAX_NESTING} ` +
    `(kubectl and the API server stop at 10,000; no CRD needs this many)`
  );
}

/**
 * The offset of the first collection of `tokens` (a parsed stream) nested deeper than
 * MAX_NESTING, or undefined. A walk with its own stack: it must not recurse on what it guards.
 */
export function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  // Pushed in reverse so that collections are met in text order, and the first found is the first.
  const pending = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { token, depth } = next;
    const children = childrenOf(token);
    if (children === undefined) continue;
    const inner = token.type === "document" ? depth : depth + 1;
    if (inner > MAX_NESTING) return token.offset;
    for (let i = children.length - 1; i >= 0; i--) pending.push({ token: children[i]!, depth: inner });
  }
  return undefined;
}

/** The nodes directly inside a document or a collection; undefined for anything else. */
function childrenOf(token: CST.Token): CST.Token[] | undefined {
  switch (token.type) {
    case "document":
      return token.value ? [token.value] : [];
    case "block-map":
    case "block-seq":
    case "flow-collection": {
      const out: CST.Token[] = [];
      for (const item of token.items) {
        if (item.key) out.push(item.key);
        if (item.value) out.push(item.value);
      }
      return out;
    }
    default:
      return undefined;
  }
}
