/** The one registry of every tag crdgen knows. */
import { controllerGenTags } from "./controller-gen-tags.js";
import { crdTags } from "./crd-tags.js";
import { TagRegistry } from "./registry.js";
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
  "description",
  "summary",
  "license",
  "file",
  "module",
  "eslint",
]);

export const tagRegistry = new TagRegistry(
  [...crdTags, ...versionTags, ...schemaTags, ...controllerGenTags],
  DOCUMENTATION_TAGS,
);
