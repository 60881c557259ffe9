/**
 * Hints for unknown tags named after kube-rs, serde and schemars attributes (`#[kube(namespaced)]`,
 * `#[schemars(length(min = 1))]`): users porting a Rust operator write them as tags, and no
 * did-you-mean finds crdgen's name for them (`@namespaced` is no misspelling of `@scope`).
 */

/** What each attribute is in crdgen, as the hint of its unknown-tag error. */
export const KUBE_RS_TAG_HINTS: ReadonlyMap<string, string> = new Map([
  // #[kube(...)] on the spec
  [
    "namespaced",
    "a root is namespaced unless it says @scope Cluster (the other way round from kube-rs, where a CRD without `namespaced` is cluster-scoped)",
  ],
  ["selectable", "write @selectableField .spec.field"],
  [
    "scale",
    "write @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas [labelSelectorPath=.status.selector]",
  ],
  ["status", "write @subresource status; the root's `status` property is the status schema"],
  ["doc", "the root's doc comment is the CRD's description: write the text above the tags"],
  ["root", "the type tagged @crd is the root, whatever its name: @kind sets the kind"],
  [
    "storage",
    "write @storageVersion on the stored version (needed when several roots give versions of a kind)",
  ],
  ["cel", 'write each rule as @validation rule="<cel>"; `crdgen check --instances` runs them on manifests'],
  // #[schemars(...)] and #[validate(...)]
  [
    "validate",
    'write @validation rule="<cel>" for a CEL rule, or a value tag: @minimum, @maxLength, @pattern...',
  ],
  ["regex", "write @pattern <regex>, without quotes or slashes: @pattern ^[a-z]+$"],
  [
    "length",
    "write @minLength/@maxLength (a string), @minItems/@maxItems (a list) or @minProperties/@maxProperties (a map)",
  ],
  ["range", "write @minimum <number> and @maximum <number>"],
  ["min", "write @minimum (a number), @minLength (a string) or @minItems (a list)"],
  ["max", "write @maximum (a number), @maxLength (a string) or @maxItems (a list)"],
  ["email", "write @format email"],
  ["url", "write @format uri"],
  // #[serde(...)]
  ["rename", 'a property is named as written: quote a name TypeScript needs quoted ("x-y": string)'],
  ["skip", "leave the property out of the type: the schema describes only what is serialized"],
  [
    "flatten",
    "write the flattened type's properties into the object (`interface Spec extends Base`, or `Base & {...}`); a flattened map of any value is `[key: string]: unknown`",
  ],
  [
    "untagged",
    "write the enum as a union of object types (`A | B`): crdgen lowers it to one object, as kube-rs does an untagged enum",
  ],
  // The attributes themselves, pasted whole
  ...["kube", "x_kube", "serde", "schemars"].map((attribute): [string, string] => [
    attribute,
    'a Rust attribute: crdgen reads tags, which `crdgen --help-tags` lists (the README\'s "Coming from kube-rs" maps each attribute to one)',
  ]),
]);
