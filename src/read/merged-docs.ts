/**
 * The doc of a property declared in several places: the members of an intersection
 * (`HasName & NameRules`) or the declarations of a merged interface. TypeScript gives the
 * property all of them; each may carry a doc comment, and none is more the property's than another.
 */
import type { ts } from "ts-morph";
import { tagRegistry } from "../tags/index.js";
import { readDoc, type DocInfo, type RawTag } from "./jsdoc.js";

export interface MergedDoc {
  doc: DocInfo;
  /** Tags another declaration gives a different value, left out: `kept` applies. */
  conflicts: { dropped: RawTag; kept: RawTag }[];
}

/**
 * `primary`'s doc, completed from the other declarations: the first description written, and
 * every tag, except a non-repeatable tag that an earlier declaration already gives (the same
 * value adds nothing; a different one is a conflict the caller reports).
 */
export function mergedDoc(primary: ts.Node, declarations: readonly ts.Node[]): MergedDoc {
  const first = readDoc(primary);
  const others = declarations.filter((d) => d !== primary).map(readDoc);
  if (others.every((o) => o.tags.length === 0 && o.description === undefined))
    return { doc: first, conflicts: [] };
  let description = first.description;
  const tags = [...first.tags];
  const conflicts: MergedDoc["conflicts"] = [];
  for (const other of others) {
    description ??= other.description;
    for (const tag of other.tags) {
      const kept = tagRegistry.get(tag.name)?.repeatable ? undefined : tags.find((t) => t.name === tag.name);
      if (!kept) tags.push(tag);
      else if (kept.text.trim() !== tag.text.trim()) conflicts.push({ dropped: tag, kept });
    }
  }
  return { doc: { description, tags }, conflicts };
}
