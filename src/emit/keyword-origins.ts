/**
 * Where the tag that wrote a keyword of a schema node was written. A transform's report about a
 * keyword's value (`@maxLength` on a list, `@format uint32`, an `@exampleValue` of the wrong kind)
 * belongs on the tag's line: the field's doc comment may be long, and a named type's tag is not
 * on the field at all. Nothing is recorded while emitting: only a report asks, and the answer is
 * found by following the node's path down the IR to the field and named types it was made from.
 *
 *   path "spec.names", keyword "maxLength", for
 *     spec: { names: Names }   with   /** @maxLength 63 *\/ type Names = string[];
 *   -> the location of `@maxLength 63`
 */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrDefinition, IrProperty, IrRoot, IrType } from "../ir/model.js";
import { tagRegistry } from "../tags/index.js";
import type { AppliedTag } from "../tags/registry.js";
import type { DraftSchema } from "./draft.js";

/** What a CRD version's schema was emitted from. */
export interface TagSource {
  readonly root: IrRoot;
  readonly definitions: ReadonlyMap<string, IrDefinition>;
}

/**
 * The location of the tag that wrote `keyword` on the node at `path` (as transforms walk paths:
 * `spec.ports[].name`, `[*]` for a map's values), or undefined when no tag wrote it (a format
 * a known type gave) or the path leads where the IR cannot follow (a union's branch). A field's
 * own tags come first, then its named types' (in inline-refs' order: the field's win); of one
 * declaration's tags the last writing the keyword, as later tags overwrite earlier ones. With
 * `value`, only a tag of that value (which of several `@listMapKey` names the key at fault).
 */
export function tagWriting(
  source: TagSource,
  path: string,
  keyword: string,
  value?: string,
): SourceLocation | undefined {
  const node = nodeAt(source, path);
  if (!node) return undefined;
  for (const tags of node.tags) {
    for (let i = tags.length - 1; i >= 0; i--) {
      const tag = tags[i]!;
      if (tag.origin && (value === undefined || tag.value === value) && writes(tag, keyword))
        return tag.origin;
    }
  }
  return undefined;
}

/** A node of the IR as the schema sees it: its type, and the tag lists that shaped it, first winning. */
interface IrNode {
  type: IrType | undefined;
  tags: (readonly AppliedTag[])[];
}

/**
 * The properties on `path` (as tagWriting takes it), in order, each with the part of the path
 * that reaches it, as far as the IR follows it: for a caller that needs the fields a path goes
 * through rather than its end.
 */
export function propertiesAlong(source: TagSource, path: string): { property: IrProperty; path: string }[] {
  const passed: { property: IrProperty; path: string }[] = [];
  nodeAt(source, path, (property, rest) =>
    passed.push({ property, path: path.slice(0, path.length - rest.length) }),
  );
  return passed;
}

function nodeAt(
  { root, definitions }: TagSource,
  path: string,
  visit?: (property: IrProperty, rest: string) => void,
): IrNode | undefined {
  let node: IrNode = { type: root.type, tags: [root.tags] };
  let rest = path;
  let first = true;
  while (rest !== "") {
    const types = shapes(node.type, definitions);
    if (rest.startsWith("[]") || rest.startsWith("[*]")) {
      const items = rest.startsWith("[]");
      const inner = types.find((t) => t.kind === (items ? "array" : "object"));
      const type =
        inner?.kind === "array"
          ? inner.items
          : inner?.kind === "object"
            ? inner.additionalProperties
            : undefined;
      if (!type) return undefined;
      node = typeNode(type, definitions, []);
      rest = rest.slice(items ? 2 : 3);
    } else {
      if (!first) {
        if (!rest.startsWith(".")) return undefined;
        rest = rest.slice(1);
      }
      // Names may hold dots (`app.kubernetes.io/name`): the longest property the rest starts with.
      let found: IrProperty | undefined;
      for (const t of types) {
        if (t.kind !== "object") continue;
        for (const p of t.properties) {
          const end = rest.charAt(p.name.length);
          if (
            (end === "" || end === "." || end === "[") &&
            rest.startsWith(p.name) &&
            p.name.length > (found?.name.length ?? -1)
          )
            found = p;
        }
      }
      // A union's branch (`.anyOf[1]`), or a property the IR does not have.
      if (!found) return undefined;
      // @schemaless: the field's type contributes nothing, only its own tags.
      node = found.tags.some((t) => t.name === "schemaless")
        ? { type: undefined, tags: [found.tags] }
        : typeNode(found.type, definitions, [found.tags]);
      rest = rest.slice(found.name.length);
      visit?.(found, rest);
    }
    first = false;
  }
  return node;
}

/**
 * `type` with the tags of the named types it goes through added after `own`; through `T | null`
 * too, which optional-enum lowers to T.
 */
function typeNode(
  type: IrType,
  definitions: ReadonlyMap<string, IrDefinition>,
  own: (readonly AppliedTag[])[],
): IrNode {
  const tags = [...own];
  let current: IrType | undefined = type;
  // A few steps at most: a cycle (a recursive type, reported elsewhere) ends.
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.kind === "ref") {
      const definition = definitions.get(current.name);
      if (definition) tags.push(definition.tags);
      current = definition?.type;
    } else if (current.kind === "union") {
      const values = current.members.filter((m) => m.kind !== "null");
      if (values.length !== 1) break;
      current = values[0];
    } else break;
  }
  return { type: current, tags };
}

/**
 * The shapes a node's values take: the type itself, or a union's members (`T | null` is T once
 * lowered; an object union is one object with every member's properties), through references.
 */
function shapes(type: IrType | undefined, definitions: ReadonlyMap<string, IrDefinition>): IrType[] {
  if (!type) return [];
  const named = type.kind === "ref" ? typeNode(type, definitions, []).type : type;
  // A cycle of names (a recursive type, reported elsewhere) has no shape.
  if (!named || named.kind === "ref") return [];
  return named.kind === "union" ? named.members.flatMap((m) => shapes(m, definitions)) : [named];
}

/** Whether `tag` sets `keyword` on the node it is on (tried on an empty node: tags write constants). */
function writes(tag: AppliedTag, keyword: string): boolean {
  const apply = tagRegistry.get(tag.name)?.applySchema;
  if (!apply) return false;
  const scratch: DraftSchema = {};
  apply(scratch, tag.value);
  return (scratch as Record<string, unknown>)[keyword] !== undefined;
}
