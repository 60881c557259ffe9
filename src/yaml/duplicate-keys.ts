/**
 * The words for a key given twice in one mapping. The `yaml` package says "Map keys must be
 * unique"; kubectl (go-yaml) names the key and where it was first given, which is what a reader
 * of a 5,000-line CRD needs to find the other one: `mapping key "type" already defined at line 12`.
 */
import { isMap, isScalar, visit, type Document, type LineCounter, type Node } from "yaml";

/** kubectl's message for the duplicate key starting at `offset`, or undefined when it is not found. */
export function duplicateKeyMessage(
  doc: Document.Parsed,
  offset: number,
  lines: LineCounter,
): string | undefined {
  let message: string | undefined;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const at = map.items.findIndex((pair) => (pair.key as Node | null)?.range?.[0] === offset);
      const duplicate = map.items[at]?.key;
      if (!isScalar(duplicate)) return undefined;
      const first = map.items
        .slice(0, at)
        .find((pair) => isScalar(pair.key) && pair.key.value === duplicate.value)?.key as Node | undefined;
      if (!first?.range) return undefined;
      message = `mapping key ${JSON.stringify(String(duplicate.value))} already defined at line ${lines.linePos(first.range[0]).line}`;
      return visit.BREAK;
    },
  });
  return message;
}
