/** The one registry of every tag crdgen knows. */
import { controllerGenTags } from "./controller-gen-tags.js";
import { crdTags } from "./crd-tags.js";
import { KUBE_RS_TAG_HINTS } from "./kube-rs.js";
import { TagRegistry } from "./registry.js";
import { SCHEMA_KEYWORD_TAG_HINTS } from "./schema-keywords.js";
import { schemaTags } from "./schema-tags.js";
import { versionTags } from "./version-tags.js";

/** Documentation-only JSDoc/TSDoc tags: accepted anywhere, never an "unknown tag" error. */
const DOCUMENTATION_TAGS = new Set([
  "see",
  "example",
  "examples",
  "since",
  "remarks",
  "param",
  "returns",
  "return",
  "internal",
  "link",
  "todo",
  "author",
  "public",
  "beta",
  "alpha",
  "experimental",
  "defaultValue",
  "readonly",
  "override",
  "privateRemarks",
  "packageDocumentation",
  "type",
  "typedef",
  "template",
  "summary",
  "license",
  "file",
  "module",
  "eslint",
  // TSDoc and TypeDoc
  "typeParam",
  "inheritDoc",
  "ignore",
  "hidden",
  "throws",
  "sealed",
  "virtual",
  "decorator",
  "event",
  "eventProperty",
  "categoryDescription",
  "groupDescription",
  "document",
  "expand",
  "inline",
  "useDeclaredType",
  "hideconstructor",
  "sortStrategy",
  "showCategories",
  "hideCategories",
  "showGroups",
  "hideGroups",
  "disableGroups",
  "mergeModuleWith",
  "primaryExport",
  "import",
  // JSDoc
  "interface",
  "namespace",
  "function",
  "property",
  "prop",
  "enumMember",
  "exception",
  "class",
  "constructor",
  "callback",
  "this",
  "async",
  "abstract",
  "access",
  "private",
  "protected",
  "static",
  "instance",
  "memberof",
  "member",
  "constant",
  "const",
  "copyright",
  "tutorial",
  "yields",
  "fires",
  "listens",
  "satisfies",
  "overload",
  "augments",
  "extends",
  "implements",
]);

const CONVERSION_HINT =
  "a conversion webhook has no tag, as it has no marker in controller-gen: spec.conversion names a Service of your deployment, so add it to the generated CRD with a patch (as kubebuilder's kustomize config adds it to controller-gen's)";

/**
 * controller-gen's marker names written as tags (`@unservedversion`, `@resource`), which no
 * did-you-mean reaches: crdgen spells those settings otherwise. `@Type` and `@Example` are
 * controller-gen's `Type=` and `example=` markers in their case: `@type` and `@example` stay
 * JSDoc's documentation (read before these hints), so crdgen's names differ.
 */
const CONTROLLER_GEN_NAME_HINTS: readonly [string, string][] = [
  ["type", "write @schemaType <type> (JSDoc's @type is documentation)"],
  ["example", "write @exampleValue <JSON> (JSDoc's @example is documentation)"],
  ["unservedversion", "write @served false on the CRD root"],
  ["deprecatedversion", 'write @deprecated "<warning>" on the CRD root: there it deprecates the version'],
  ["skipversion", "remove @crd from this type: a type without it makes no version"],
  [
    "resource",
    "write each setting as a tag of its own on the CRD root: @scope Namespaced|Cluster, @plural <name>, @singular <name>, @shortName <name>, @category <name>",
  ],
  ["pruning", "write @preserveUnknownFields"],
  ["metadata", "write @annotation key=value or @label key=value on the CRD root (one tag each)"],
];

/**
 * Tags crdgen does not have, whose unknown-tag error says what to write instead, since a
 * did-you-mean cannot: a schema feature written in TypeScript itself (JSDoc's `@enum`,
 * controller-gen's `+optional`), kube-rs' attributes, a CRD's own schema keywords, and a
 * conversion webhook, which has no tag. Keys are in lower case: a tag is looked up in any case
 * (`@Enum`, `@oneOf`).
 */
export const UNKNOWN_TAG_HINTS: ReadonlyMap<string, string> = new Map([
  ["enum", 'write the type as a union of literals, e.g. "a" | "b" (or use a TypeScript enum)'],
  ["optional", "make the property optional with `?`: `name?: T`"],
  ["required", "a property is required unless it is optional: drop the `?` after its name"],
  // A version's conversion webhook (`spec.conversion`), as a port of a multi-version API looks for it.
  ["conversion", CONVERSION_HINT],
  ["webhook", CONVERSION_HINT],
  ...CONTROLLER_GEN_NAME_HINTS,
  ...KUBE_RS_TAG_HINTS,
  ...SCHEMA_KEYWORD_TAG_HINTS,
]);

export const tagRegistry = new TagRegistry(
  [...crdTags, ...versionTags, ...schemaTags, ...controllerGenTags],
  DOCUMENTATION_TAGS,
  new Set(UNKNOWN_TAG_HINTS.keys()),
);
