/**
 * `self.labels[1]` on a map of string keys: cel-go's checker finds no `_[_]` overload for a key of
 * another type, where the engine accepts any key type and would only miss it at run time. A CRD's
 * maps all have string keys, so any other key is a mistake the API server refuses.
 */
import { checkedTypeName, walkAst, type ASTNode } from "./engine.js";
import { celIssue, celTypeName, tokenAfter } from "./error-format.js";

/** cel-go's issue for the first map indexed with a key of another type in a checked `ast`; else undefined. */
export function mapIndexError(ast: ASTNode, source: string): string | undefined {
  let found: string | undefined;
  walkAst(ast, (node) => {
    if (found !== undefined || node.op !== "[]" || !Array.isArray(node.args)) return;
    const [map, index] = node.args as unknown[];
    const mapType = checkedTypeName(map);
    const indexType = checkedTypeName(index);
    const key = mapType === undefined ? undefined : keyOf(mapType);
    if (
      key === undefined ||
      indexType === undefined ||
      key === "dyn" ||
      indexType === "dyn" ||
      key === indexType
    )
      return;
    found = celIssue(
      source,
      tokenAfter(source, map, "[") ?? node.start,
      `found no matching overload for '_[_]' applied to '(${celTypeName(mapType!)}, ${celTypeName(indexType)})'`,
    );
  });
  return found;
}

/** The key type of `map<K, V>` (V may hold commas of its own). */
function keyOf(type: string): string | undefined {
  if (!type.startsWith("map<")) return undefined;
  let depth = 0;
  for (let i = 4; i < type.length; i++) {
    const c = type[i];
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (c === "," && depth === 0) return type.slice(4, i).trim();
  }
  return undefined;
}
