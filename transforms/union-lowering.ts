/**
 * union-lowering: a Kubernetes field has one type, so what is left of a TypeScript union
 * after optional-enum and int-or-string becomes one structural schema or a located error.
 *
 * Objects (`A | B | C`) become one object with the union of their properties. A property
 * shared by members must have the same schema (descriptions aside), else an error naming
 * both members. The discriminator — a property every member requires with one literal
 * value each — gets the union of those values as its `enum`. Where members' required sets
 * differ, `oneOf: [{required: [...]}, ...]` stubs keep them apart (`anyOf` when a member's
 * instance could satisfy another's stub, so valid values are never rejected). A
 * discriminated union additionally gets one `x-kubernetes-validations` rule per member
 * tying its discriminator value to its required fields (opt out with @noUnionRules). A required
 * field Kubernetes' CEL cannot see (of no type, or a list or map holding values of no type) is
 * left out of its member's rule, with a warning: a rule naming it would not compile.
 *
 *   in:  {anyOf: [{type: object, properties: {kind: {type: string, enum: [a]}, x: {type: string}}, required: [kind, x]},
 *                 {type: object, properties: {kind: {type: string, enum: [b]}, y: {type: string}}, required: [kind, y]}]}
 *   out: {type: object, properties: {kind: {type: string, enum: [a, b]}, x: {...}, y: {...}}, required: [kind],
 *         oneOf: [{required: [x]}, {required: [y]}],
 *         x-kubernetes-validations: [{rule: "self.kind != 'a' || has(self.x)", message: "kind a requires x"}, ...]}
 *   in:  (the same with x: {x-kubernetes-preserve-unknown-fields: true}, from `x: unknown`)
 *   out: (the same, but member a has no rule) and warning CRD3010 at member a's x
 *
 * Identical members collapse; a node tagged @preserveUnknownFields keeps any value. Strings
 * of template literal types and string literals become one string whose pattern admits each:
 *
 *   in:  {anyOf: [{type: string, pattern: "^a-"}, {type: string, enum: [x]}]}
 *   out: {type: string, pattern: "(?:^a-)|^(?:x)$"}
 *
 * Other unions (`string | boolean`, objects mixed with scalars) are errors with a way out.
 */
import { codes } from "../src/diagnostics/codes.js";
import { ABSENT, ORIGIN, RECURSION, TYPE_NAME, type DraftSchema } from "../src/emit/draft.js";
import type { ValidationRule } from "../src/schema/types.js";
import { walkOptions, reportAt, type TransformContext } from "./context.js";
import { celSees } from "./cel-sees.js";
import { withNullInEnum } from "./optional-enum.js";
import { escapeCelName } from "../src/validate/cel/escaping.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { Feature, join, mapSchema, type SchemaPath } from "./walk.js";
import { patternOfStrings } from "./string-patterns.js";

export const name = "union-lowering";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.anyOf;

/** Marker set by @noUnionRules; removed by finalize with the other internal keys. */
export const NO_UNION_RULES = "x-crdgen-no-union-rules";

export function unionLowering(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node, path) => {
      const branches = node.anyOf;
      if (!branches || node["x-kubernetes-int-or-string"] === true || branches.every(isRequiredStub))
        return node;
      const { anyOf: _anyOf, ...siblings } = node;
      if (siblings["x-kubernetes-preserve-unknown-fields"] === true) {
        const { type: _type, ...rest } = siblings;
        return rest;
      }
      const members = dedupe(branches);
      // A member that is a union left unlowered (`SN | boolean`, `type SN = string | number`) was
      // reported where it failed: this union is the same problem, not a second "untyped" one.
      if (members.some(unlowered)) return node;
      // Nor is a member where inline-refs cut a recursion: it is no `unknown` the user wrote.
      if (members.some((m) => m[RECURSION] === true)) return node;
      if (members.length === 1) return withSiblings(members[0]!, siblings);
      if (members.every((m) => m.type === "object")) return lowerObjects(members, siblings, node, path, ctx);
      const scalar = mergeScalars(members);
      if (scalar) return withSiblings(scalar, siblings);

      const types = new Set(members.map(describeType));
      reportAt(ctx, node, path, types.size === 1 ? constrainedMembers(members) : mixedTypes(types));
      return node;
    },
    walkOptions(ctx, name, acts),
  );
}

function lowerObjects(
  members: DraftSchema[],
  siblings: DraftSchema,
  node: DraftSchema,
  path: SchemaPath,
  ctx: TransformContext,
): DraftSchema {
  const label = (i: number) => members[i]![TYPE_NAME] ?? `#${i + 1}`;
  const discriminator = findDiscriminator(members);

  const properties: Record<string, DraftSchema> = {};
  const ownerOf = new Map<string, number>();
  members.forEach((member, i) => {
    for (const [prop, schema] of Object.entries(member.properties ?? {})) {
      if (prop === discriminator) continue;
      const owner = ownerOf.get(prop);
      if (owner === undefined) {
        ownerOf.set(prop, i);
        properties[prop] = schema;
      } else if (comparable(properties[prop]!) !== comparable(schema)) {
        reportAt(ctx, node, path, {
          severity: "error",
          code: codes.unionPropertyConflict,
          message: `Members ${label(owner)} and ${label(i)} of the union both have \`${prop}\` but with different schemas; a Kubernetes object has one schema per property.`,
          hint: "give the property the same type in every member, or rename it in one of them",
        });
      }
    }
  });
  if (discriminator) {
    const first = members[0]!.properties![discriminator]!;
    const values = members.map((m) => m.properties![discriminator]!.enum![0]!);
    properties[discriminator] = { ...first, enum: values };
    // Keep the discriminator first: it is what readers look at to tell members apart.
    const ordered: Record<string, DraftSchema> = { [discriminator]: properties[discriminator]! };
    for (const [k, v] of Object.entries(properties)) if (k !== discriminator) ordered[k] = v;
    Object.keys(properties).forEach((k) => delete properties[k]);
    Object.assign(properties, ordered);
  }

  const requiredSets = members.map((m) => new Set(m.required ?? []));
  const common = [...requiredSets[0]!].filter((r) => requiredSets.every((s) => s.has(r))).sort();
  const specific = requiredSets.map((s) => [...s].filter((r) => !common.includes(r)).sort());

  const out: DraftSchema = { type: "object", properties };
  if (common.length > 0) out.required = common;
  const allSame = specific.every((r) => r.join() === specific[0]!.join());
  if (!allSame && specific.every((r) => r.length > 0)) {
    const stubs = specific.map((r) => ({ required: r }));
    if (pairwiseExclusive(members, specific)) out.oneOf = stubs;
    else out.anyOf = stubs;
  } else if (!allSame) {
    const noneOrOne = noneOrOneOf(members, specific);
    if (noneOrOne) out.oneOf = noneOrOne;
  }

  const rules: ValidationRule[] = [];
  if (discriminator && siblings[NO_UNION_RULES] !== true) {
    members.forEach((m, i) => {
      const value = m.properties![discriminator]!.enum![0]!;
      // `unknown`, `any`, `unknown[]`, `Record<string, unknown>`: no field to CEL (see celSees).
      const unseen = specific[i]!.filter((f) => !celSees(properties[f]));
      // Said at the member's first such field, where the fix is made (once however many fields
      // use the union: generate merges repeats).
      const unseenField = unseen.length > 0 ? m.properties![unseen[0]!] : undefined;
      if (unseenField) {
        reportAt(
          ctx,
          unseenField,
          join(path, unseen[0]!),
          uncheckedRequirement(discriminator, value, unseen),
        );
      }
      const needed = specific[i]!.filter((f) => !unseen.includes(f));
      if (needed.length === 0) return;
      // A name CEL cannot reach (e.g. with a space) gets no rule; the oneOf stubs still apply.
      const [field, ...fields] = [discriminator, ...needed].map(escapeCelName);
      if (field === undefined || fields.some((f) => f === undefined)) return;
      const literal =
        typeof value === "string" ? `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'` : String(value);
      const has = fields.map((f) => `has(self.${f})`).join(" && ");
      rules.push({
        rule: `self.${field} != ${literal} || ${needed.length > 1 ? `(${has})` : has}`,
        message: `${discriminator} ${String(value)} requires ${needed.join(", ")}`,
      });
    });
  }
  const merged: DraftSchema = { ...out, ...siblings };
  if (rules.length > 0)
    merged["x-kubernetes-validations"] = [...(siblings["x-kubernetes-validations"] ?? []), ...rules];
  return merged;
}

/** A member's tie to fields of no type, which its rule leaves out: the API server does not enforce it. */
function uncheckedRequirement(
  discriminator: string,
  value: unknown,
  fields: readonly string[],
): Omit<Diagnostic, "location" | "path"> {
  const names = fields.join(", ");
  const member = `${discriminator} ${String(value)}`;
  return {
    severity: "warning",
    code: codes.uncheckedUnionRequirement,
    message: `${member} requires ${names}, which the union's CEL rule cannot check: Kubernetes' CEL rules see no field of no type (unknown, any), nor a list or map of values of no type (unknown[], Record<string, unknown>). The API server may accept a ${member} object without ${names}.`,
    hint: `give ${names} a type CEL sees (for an object of any fields, Record<string, unknown> tagged @preserveUnknownFields), or tag the union @noUnionRules to have no such rules`,
  };
}

/** `{required: [...]}` alone: a stub this transform wrote (or a value validation), not a member. */
function isRequiredStub(branch: DraftSchema): boolean {
  return Object.keys(branch).every((k) => k === "required");
}

/** A property every member requires, with a single distinct literal value in each. */
function findDiscriminator(members: DraftSchema[]): string | undefined {
  const first = members[0]!;
  for (const prop of Object.keys(first.properties ?? {})) {
    const values: unknown[] = [];
    let ok = true;
    for (const m of members) {
      const p = m.properties?.[prop];
      if (
        !p ||
        !m.required?.includes(prop) ||
        p.enum?.length !== 1 ||
        p.type !== first.properties![prop]!.type
      ) {
        ok = false;
        break;
      }
      values.push(p.enum[0]);
    }
    if (ok && new Set(values).size === values.length) return prop;
  }
  return undefined;
}

/**
 * A protobuf-style oneof, `{ a?: never; b?: never } | { a: string; b?: never } | { b: string; a?: never }`:
 * none or exactly one. The stubs of the members that require something, and a branch for the
 * members that declare each of those fields absent, in the form Istio's CRDs write:
 * `oneOf: [{not: {anyOf: [{required: [a]}, {required: [b]}]}}, {required: [a]}, {required: [b]}]`.
 * Undefined unless every member requiring nothing declares all the others' fields `?: never`
 * (a member that says nothing of them, `Record<string, never>`, admits any object: no
 * constraint, as kube-rs #1941), and at least two exclusive members require fields.
 */
function noneOrOneOf(members: DraftSchema[], specific: string[][]): DraftSchema[] | undefined {
  const requiring = members.flatMap((m, i) => (specific[i]!.length > 0 ? [i] : []));
  if (requiring.length < 2) return undefined;
  const fields = new Set(requiring.flatMap((i) => specific[i]!));
  const empties = members.filter((_, i) => specific[i]!.length === 0);
  if (!empties.every((m) => [...fields].every((f) => m[ABSENT]?.includes(f)))) return undefined;
  const required = requiring.map((i) => members[i]!);
  const needs = requiring.map((i) => specific[i]!);
  if (!pairwiseExclusive(required, needs)) return undefined;
  const stubs = needs.map((r) => ({ required: r }));
  return [{ not: { anyOf: stubs.map((s) => ({ ...s })) } }, ...stubs];
}

/** True when no member's instance can satisfy another member's stub, so `oneOf` is safe. */
function pairwiseExclusive(members: DraftSchema[], specific: string[][]): boolean {
  return members.every((m, i) =>
    specific.every((req, j) => i === j || req.some((p) => !(p in (m.properties ?? {})))),
  );
}

/** Schemas compared without documentation and crdgen's internal annotations. */
function comparable(schema: DraftSchema): string {
  return JSON.stringify(schema, (key, value: unknown) =>
    key === "description" || key === ORIGIN || key === TYPE_NAME ? undefined : value,
  );
}

function dedupe(branches: DraftSchema[]): DraftSchema[] {
  const seen = new Set<string>();
  return branches.filter((b) => {
    const key = comparable(b);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The lowered union with the node's own keywords. A nullable one (optional-enum took its null
 * branch) lists null in its enum, as optional-enum's single member does.
 */
function withSiblings(lowered: DraftSchema, siblings: DraftSchema): DraftSchema {
  return withNullInEnum({ ...lowered, ...siblings });
}

/** Scalars of one type: plain type wins over its enums; enums alone merge. */
function mergeScalars(members: DraftSchema[]): DraftSchema | undefined {
  const type = members[0]!.type;
  if (type === undefined || type === "object" || type === "array") return undefined;
  const bare = (m: DraftSchema) =>
    Object.keys(m).every((k) => k === "type" || k === "description" || k === ORIGIN || k === TYPE_NAME);
  // `number | int32`: every integer is a number.
  const numeric = (m: DraftSchema) => m.type === "number" || m.type === "integer";
  if (members.every(numeric) && members.some((m) => m.type === "number" && bare(m)))
    return { type: "number" };
  if (!members.every((m) => m.type === type)) return undefined;
  if (members.some(bare)) return { type };
  if (
    members.every(
      (m) =>
        m.enum && Object.keys(m).every((k) => ["type", "enum", "description", ORIGIN, TYPE_NAME].includes(k)),
    )
  ) {
    return { type, enum: [...new Set(members.flatMap((m) => m.enum!))] };
  }
  // Strings of template literal types (a pattern each) and string literals: one pattern.
  const pattern = type === "string" ? patternOfStrings(members) : undefined;
  return pattern === undefined ? undefined : { type: "string", pattern };
}

function unlowered(m: DraftSchema): boolean {
  return (
    m.anyOf !== undefined &&
    m["x-kubernetes-int-or-string"] !== true &&
    m["x-kubernetes-preserve-unknown-fields"] !== true &&
    !m.anyOf.every(isRequiredStub)
  );
}

function mixedTypes(types: ReadonlySet<string>) {
  return {
    severity: "error",
    code: codes.mixedUnion,
    message: `A union of ${[...types].join(" | ")} cannot be expressed: a Kubernetes field has one type.`,
    hint: mixedUnionHint(types),
  } as const;
}

/**
 * Members of one type that do not merge: some carry constraints of their own (`@maxLength` on
 * `type Mode = "A" | "B"` in `Mode | "C"`), which one field's schema cannot apply to some of its
 * values only.
 */
function constrainedMembers(members: DraftSchema[]) {
  const type = members[0]!.type ?? "untyped";
  const constrained = members.flatMap((m, i) => {
    const keys = Object.keys(m).filter((k) => !BARE_KEYS.has(k) && !k.startsWith("x-crdgen-"));
    return keys.length > 0 ? [`${m[TYPE_NAME] ?? `member ${i + 1}`} has ${keys.join(", ")}`] : [];
  });
  return {
    severity: "error",
    code: codes.mixedUnion,
    message: `This union of ${type} values cannot be one Kubernetes field: its members carry constraints of their own (${constrained.join("; ")}), which a field cannot apply to some of its values only.`,
    hint: "move those tags onto the property, where they apply to every value, or declare the whole union as one type with its tags",
  } as const;
}

const BARE_KEYS = new Set<string>(["type", "enum", "description"]);

/** What to write instead, for the kinds of members a union has. */
function mixedUnionHint(types: ReadonlySet<string>): string {
  if (types.has("object")) {
    return "tag the property @preserveUnknownFields to accept any value, or make every member an object";
  }
  const numeric = types.has("number") || types.has("integer");
  if (types.size === 2 && types.has("string") && numeric) {
    return "tag the property @intOrString (Kubernetes' int-or-string), or use one type";
  }
  if (types.has("array")) {
    return "use the list alone (one value is a list of one), or tag the property @preserveUnknownFields";
  }
  return "use one type, or tag the property @preserveUnknownFields to accept any value";
}

function describeType(m: DraftSchema): string {
  if (m.type) return m.type;
  // Kubernetes' own words for the schemas without a type: what a user reads in the CRD.
  if (m["x-kubernetes-int-or-string"]) return "int-or-string";
  return m["x-kubernetes-preserve-unknown-fields"] ? "unknown" : "untyped";
}
