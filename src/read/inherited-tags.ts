/**
 * Tags a type inherits from the types it is made of: the bases it `extends`, the members of an
 * intersection (`Base & { extra?: string }`). A Go struct that embeds another gets the embedded
 * type's markers (controller-gen merges the embedded schema into the embedding one), and an
 * `Ext extends Base` is a `Base`: a rule that every Base must pass binds every Ext too.
 *
 * Only what constrains the object's values or how the API server treats it is inherited: CEL
 * rules, property counts, the one-of groups, unknown fields kept, embedded resource, map and
 * struct merge types. Documentation (description, title, external docs, examples), a default
 * value (a Base's default need not be an Ext), nullability and the type's own schema shape stay
 * the type's own.
 *
 *   in:  Base `@validation rule="has(self.a)" @minProperties 1`, Ext `@minProperties 2`
 *   out: Ext's tags `@minProperties 2 @validation rule="has(self.a)"`
 */
import { tsApi } from "./typescript.js";
import type { ts } from "ts-morph";
import type { AppliedTag } from "../tags/registry.js";

const { isIntersectionTypeNode, isParenthesizedTypeNode, isTypeReferenceNode, SyntaxKind } = tsApi;

const INHERITED = new Set([
  "validation",
  "minProperties",
  "maxProperties",
  "atMostOneOf",
  "exactlyOneOf",
  "atLeastOneOf",
  "preserveUnknownFields",
  "embeddedResource",
  "mapType",
  "structType",
]);

/** Of two property counts, the one that lets fewer objects through holds. */
const STRICTER: Readonly<Record<string, (a: number, b: number) => number>> = {
  minProperties: Math.max,
  maxProperties: Math.min,
};

/** Tags repeated rather than replaced: each one written anywhere applies. */
const ADDED = new Set(["validation", "atMostOneOf", "exactlyOneOf", "atLeastOneOf"]);

/** The tags of `tags` that a type made from this one inherits. */
export function inheritable(tags: readonly AppliedTag[]): AppliedTag[] {
  return tags.filter((t) => INHERITED.has(t.name));
}

/**
 * `own` with `inherited` added: rules and one-of groups add up (the type's own first, as
 * controller-gen orders a field's rules before its type's); of two property counts the stricter
 * holds, with the origin of the tag that set it; any other tag written on the type itself wins.
 */
export function withInherited(own: readonly AppliedTag[], inherited: readonly AppliedTag[]): AppliedTag[] {
  if (inherited.length === 0) return [...own];
  const out = [...own];
  for (const tag of inherited) {
    const at = ADDED.has(tag.name) ? -1 : out.findIndex((t) => t.name === tag.name);
    if (at === -1) {
      out.push(tag);
      continue;
    }
    const stricter = STRICTER[tag.name];
    const mine = out[at]!;
    if (stricter && typeof mine.value === "number" && typeof tag.value === "number") {
      if (stricter(mine.value, tag.value) !== mine.value) out[at] = tag;
    }
  }
  return out;
}

/**
 * The written names of the types `decl` is made of: the `extends` clauses of an interface (each
 * of its merged declarations) or of a class (not `implements`, which adds no member), or the
 * referenced members of an intersection an alias stands for.
 */
export function baseNames(decl: ts.Node, declarations: readonly ts.Node[] = [decl]): ts.Node[] {
  if (decl.kind === SyntaxKind.TypeAliasDeclaration)
    return intersectionNames((decl as ts.TypeAliasDeclaration).type);
  const names: ts.Node[] = [];
  for (const d of declarations) {
    for (const clause of (d as ts.InterfaceDeclaration | ts.ClassDeclaration).heritageClauses ?? []) {
      if (clause.token !== SyntaxKind.ExtendsKeyword) continue;
      for (const t of clause.types) names.push(t.expression);
    }
  }
  return names;
}

/** The type names of an intersection's referenced members (`Base & Other & {...}`); none for any other type. */
export function intersectionNames(node: ts.TypeNode | undefined): ts.Node[] {
  let type = node;
  while (type && isParenthesizedTypeNode(type)) type = type.type;
  if (!type || !isIntersectionTypeNode(type)) return [];
  return type.types.flatMap((member) => {
    let m = member;
    while (isParenthesizedTypeNode(m)) m = m.type;
    if (isIntersectionTypeNode(m)) return intersectionNames(m);
    return isTypeReferenceNode(m) ? [m.typeName] : [];
  });
}
