import { describe, expect, it } from "vitest";
import { diffCrds, type ChangeKind } from "../../src/diff/index.js";
import type { CustomResourceDefinition, JSONSchemaProps } from "../../src/schema/types.js";
import { crd, crdWithSpec, object, version } from "../helpers/crds.js";

interface Case {
  name: string;
  old: CustomResourceDefinition[];
  new: CustomResourceDefinition[];
  /** Every change expected, as [kind, breaking], in the order diffCrds reports them. */
  expected: [ChangeKind, boolean][];
  /** The path of the first change, when the case pins it down. */
  path?: string;
}

const SPEC = "spec.versions[v1].schema.openAPIV3Schema.properties[spec]";

function pair(
  old: CustomResourceDefinition,
  neu: CustomResourceDefinition,
  expected: Case["expected"],
  path?: string,
) {
  return { old: [old], new: [neu], expected, ...(path ? { path } : {}) };
}

function schemaCase(
  name: string,
  old: JSONSchemaProps,
  neu: JSONSchemaProps,
  expected: Case["expected"],
  path?: string,
): Case {
  return { name, ...pair(crdWithSpec(old), crdWithSpec(neu), expected, path) };
}

const int = (extra: JSONSchemaProps = {}): JSONSchemaProps => ({ type: "integer", ...extra });
const str = (extra: JSONSchemaProps = {}): JSONSchemaProps => ({ type: "string", ...extra });
const rule = (text: string, extra: object = {}) => ({ rule: text, ...extra });

const crdCases: Case[] = [
  { name: "removed CRD", old: [crd()], new: [], expected: [["crd-removed", true]], path: "metadata.name" },
  { name: "added CRD", old: [], new: [crd()], expected: [["crd-added", false]] },
  {
    name: "group change pairs the CRDs by kind and plural",
    ...pair(
      crd({ group: "example.io" }),
      crd({ group: "example.com" }),
      [["group-changed", true]],
      "spec.group",
    ),
  },
  {
    name: "scope change",
    ...pair(crd(), crd({ scope: "Cluster" }), [["scope-changed", true]], "spec.scope"),
  },
  {
    name: "kind change (explicit singular and listKind unchanged)",
    old: [crd()],
    new: [
      (() => {
        const c = crd({ kind: "Gadget" });
        c.spec.names.singular = "widget";
        c.spec.names.listKind = "WidgetList";
        return c;
      })(),
    ],
    expected: [["names-changed", true]],
    path: "spec.names.kind",
  },
  {
    name: "spelling out defaulted names is no change",
    old: [
      (() => {
        const c = crd();
        delete c.spec.names.singular;
        delete c.spec.names.listKind;
        return c;
      })(),
    ],
    new: [crd()],
    expected: [],
  },
  {
    name: "short name removed is listed but not breaking",
    ...pair(crd({ shortNames: ["wd", "wdg"] }), crd({ shortNames: ["wd"] }), [["short-name-removed", false]]),
  },
  { name: "short name added", ...pair(crd(), crd({ shortNames: ["wd"] }), [["short-name-added", false]]) },
  {
    name: "category removed and another added",
    ...pair(crd({ categories: ["all"] }), crd({ categories: ["widgets"] }), [
      ["category-added", false],
      ["category-removed", false],
    ]),
  },
];

const twoVersions = () => [version("v1beta1", undefined, { storage: false }), version("v1")];

const webhook = (path: string): CustomResourceDefinition["spec"]["conversion"] => ({
  strategy: "Webhook",
  webhook: {
    conversionReviewVersions: ["v1"],
    clientConfig: { service: { name: "s", namespace: "n", path } },
  },
});

/** `c` with the given conversion. */
function withConversion(
  c: CustomResourceDefinition,
  conversion: CustomResourceDefinition["spec"]["conversion"],
): CustomResourceDefinition {
  if (conversion) c.spec.conversion = conversion;
  return c;
}

/** A CRD with two versions and the given conversion. */
function converted(conversion: CustomResourceDefinition["spec"]["conversion"]): CustomResourceDefinition {
  return withConversion(crd({ versions: twoVersions() }), conversion);
}

/** `c` as read back from a cluster, with its status.storedVersions. */
function stored(c: CustomResourceDefinition, storedVersions: string[]): CustomResourceDefinition {
  return { ...c, status: { storedVersions } };
}

/** Two schemas of one spec: `size` in v1beta1 became `replicas` in v1. */
const sized: JSONSchemaProps = { type: "object", properties: { size: { type: "integer" } } };
const renamed: JSONSchemaProps = { type: "object", properties: { replicas: { type: "integer" } } };

const conversionCases: Case[] = [
  {
    name: "conversion webhook dropped from a multi-version CRD",
    ...pair(converted(webhook("/convert")), converted(undefined), [["conversion-changed", true]]),
    path: "spec.conversion.strategy",
  },
  {
    name: "conversion webhook dropped from a single-version CRD",
    ...pair(
      (() => {
        const c = crd();
        c.spec.conversion = webhook("/convert");
        return c;
      })(),
      crd(),
      [["conversion-changed", false]],
    ),
  },
  {
    name: "conversion webhook added",
    ...pair(converted({ strategy: "None" }), converted(webhook("/convert")), [["conversion-changed", false]]),
  },
  {
    name: "conversion webhook moved",
    ...pair(converted(webhook("/convert")), converted(webhook("/v2/convert")), [
      ["conversion-changed", false],
    ]),
    path: "spec.conversion.webhook",
  },
  {
    name: "spelling out the default None strategy is no change",
    ...pair(converted(undefined), converted({ strategy: "None" }), []),
  },
];

const versionCases: Case[] = [
  {
    name: "removed served version",
    ...pair(crd({ versions: twoVersions() }), crd({ versions: [version("v1")] }), [
      ["version-removed", true],
    ]),
    path: "spec.versions[v1beta1]",
  },
  {
    name: "removed version that was already unserved and not stored",
    ...pair(
      crd({ versions: [version("v1beta1", undefined, { storage: false, served: false }), version("v1")] }),
      crd({ versions: [version("v1")] }),
      [["version-removed", false]],
    ),
  },
  {
    name: "added version",
    ...pair(crd({ versions: [version("v1")] }), crd({ versions: twoVersions() }), [["version-added", false]]),
  },
  {
    name: "versions are matched by name, not position",
    ...pair(crd({ versions: twoVersions() }), crd({ versions: [...twoVersions()].reverse() }), []),
  },
  {
    name: "served true to false",
    ...pair(
      crd({ versions: twoVersions() }),
      crd({ versions: [version("v1beta1", undefined, { storage: false, served: false }), version("v1")] }),
      [["version-unserved", true]],
      "spec.versions[v1beta1].served",
    ),
  },
  {
    name: "served false to true",
    ...pair(
      crd({ versions: [version("v1beta1", undefined, { storage: false, served: false }), version("v1")] }),
      crd({ versions: twoVersions() }),
      [["version-served", false]],
    ),
  },
  // The API server accepts the move and converts stored objects on every read and write.
  {
    name: "storage version moved between versions of one schema",
    ...pair(
      crd({ versions: [version("v1beta1"), version("v1", undefined, { storage: false })] }),
      crd({ versions: twoVersions() }),
      [["storage-version-changed", false]],
      "spec.versions[v1].storage",
    ),
  },
  // Conversion None rewrites apiVersion alone: stored objects go through the new schema, which prunes `size`.
  {
    name: "storage version moved to a schema without a stored field, with conversion None",
    ...pair(
      crd({ versions: [version("v1beta1", sized), version("v1", renamed, { storage: false })] }),
      crd({ versions: [version("v1beta1", sized, { storage: false }), version("v1", renamed)] }),
      [["storage-version-changed", true]],
      "spec.versions[v1].storage",
    ),
  },
  {
    name: "storage version moved to another schema, with a conversion webhook",
    ...pair(
      withConversion(
        crd({ versions: [version("v1beta1", sized), version("v1", renamed, { storage: false })] }),
        webhook("/convert"),
      ),
      withConversion(
        crd({ versions: [version("v1beta1", sized, { storage: false }), version("v1", renamed)] }),
        webhook("/convert"),
      ),
      [["storage-version-changed", false]],
    ),
  },
  // A request to a version reads and writes stored objects through its schema: under conversion None,
  // one that lacks a stored field prunes it. kubectl sends to the preferred (highest priority) version.
  {
    name: "preferred version added without a field the storage version holds, with conversion None",
    ...pair(
      crd({ versions: [version("v1beta1", sized)] }),
      crd({ versions: [version("v1beta1", sized), version("v1", renamed, { storage: false })] }),
      [["version-added", true]],
      "spec.versions[v1]",
    ),
  },
  {
    name: "version added with a field's type changed, with conversion None",
    ...pair(
      crd({ versions: [version("v1beta1", sized)] }),
      crd({
        versions: [
          version("v1beta1", sized),
          version("v1", object({ size: { type: "string" } }), { storage: false }),
        ],
      }),
      [["version-added", true]],
    ),
  },
  {
    name: "lower-priority version added without a stored field: only clients asking for it lose data",
    ...pair(
      crd({ versions: [version("v1", sized)] }),
      crd({ versions: [version("v1", sized), version("v2alpha1", renamed, { storage: false })] }),
      [["version-added", false]],
    ),
  },
  {
    name: "unserved version added without a stored field",
    ...pair(
      crd({ versions: [version("v1beta1", sized)] }),
      crd({
        versions: [version("v1beta1", sized), version("v1", renamed, { storage: false, served: false })],
      }),
      [["version-added", false]],
    ),
  },
  {
    name: "preferred version added with another schema, with a conversion webhook",
    ...pair(
      withConversion(crd({ versions: [version("v1beta1", sized)] }), webhook("/convert")),
      withConversion(
        crd({ versions: [version("v1beta1", sized), version("v1", renamed, { storage: false })] }),
        webhook("/convert"),
      ),
      [["version-added", false]],
    ),
  },
  {
    name: "preferred version added with the storage version's fields and one more",
    ...pair(
      crd({ versions: [version("v1beta1", sized)] }),
      crd({
        versions: [
          version("v1beta1", sized),
          version("v1", object({ size: { type: "integer" }, color: { type: "string" } }), { storage: false }),
        ],
      }),
      [["version-added", false]],
    ),
  },
  {
    name: "removed storage version",
    ...pair(
      crd({
        versions: [
          version("v1beta1", undefined, { served: false }),
          version("v1", undefined, { storage: false }),
        ],
      }),
      crd({ versions: [version("v1")] }),
      [
        ["storage-version-changed", false],
        ["version-removed", true],
      ],
    ),
  },
  // A CRD read back from a cluster carries status.storedVersions; the API server refuses to drop one.
  {
    name: "removed unserved version that status.storedVersions lists",
    ...pair(
      stored(
        crd({ versions: [version("v1beta1", undefined, { storage: false, served: false }), version("v1")] }),
        ["v1beta1", "v1"],
      ),
      crd({ versions: [version("v1")] }),
      [["version-removed", true]],
    ),
  },
  {
    name: "removed unserved version after a storage migration the new file's status records",
    ...pair(
      stored(
        crd({ versions: [version("v1beta1", undefined, { storage: false, served: false }), version("v1")] }),
        ["v1beta1", "v1"],
      ),
      stored(crd({ versions: [version("v1")] }), ["v1"]),
      [["version-removed", false]],
    ),
  },
  {
    name: "version deprecated",
    ...pair(crd(), crd({ versions: [version("v1", undefined, { deprecated: true })] }), [
      ["version-deprecated", false],
    ]),
  },
  {
    name: "version no longer deprecated",
    ...pair(crd({ versions: [version("v1", undefined, { deprecated: true })] }), crd(), [
      ["version-deprecation-changed", false],
    ]),
  },
  {
    name: "deprecation warning changed",
    ...pair(
      crd({ versions: [version("v1", undefined, { deprecated: true, deprecationWarning: "a" })] }),
      crd({ versions: [version("v1", undefined, { deprecated: true, deprecationWarning: "b" })] }),
      [["version-deprecation-changed", false]],
      "spec.versions[v1].deprecationWarning",
    ),
  },
  {
    name: "selectable field removed",
    ...pair(
      crd({ versions: [version("v1", undefined, { selectableFields: [{ jsonPath: ".spec.color" }] })] }),
      crd(),
      [["selectable-field-removed", true]],
      "spec.versions[v1].selectableFields[.spec.color]",
    ),
  },
  {
    name: "selectable field added",
    ...pair(
      crd(),
      crd({ versions: [version("v1", undefined, { selectableFields: [{ jsonPath: ".spec.a" }] })] }),
      [["selectable-field-added", false]],
    ),
  },
  {
    name: "status subresource removed",
    ...pair(
      crd({ versions: [version("v1", undefined, { subresources: { status: {} } })] }),
      crd(),
      [["subresource-removed", true]],
      "spec.versions[v1].subresources.status",
    ),
  },
  {
    name: "status subresource added changes what plain updates write",
    ...pair(crd(), crd({ versions: [version("v1", undefined, { subresources: { status: {} } })] }), [
      ["subresource-added", true],
    ]),
  },
  {
    name: "scale subresource added",
    ...pair(
      crd(),
      crd({
        versions: [
          version("v1", undefined, {
            subresources: {
              scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" },
            },
          }),
        ],
      }),
      [["subresource-added", false]],
    ),
  },
  {
    name: "scale path changed",
    ...pair(
      crd({
        versions: [
          version("v1", undefined, {
            subresources: {
              scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" },
            },
          }),
        ],
      }),
      crd({
        versions: [
          version("v1", undefined, {
            subresources: {
              scale: { specReplicasPath: ".spec.size", statusReplicasPath: ".status.replicas" },
            },
          }),
        ],
      }),
      [["subresource-changed", true]],
    ),
  },
  {
    name: "printer columns removed, changed and added",
    ...pair(
      crd({
        versions: [
          version("v1", undefined, {
            additionalPrinterColumns: [
              { name: "Ready", type: "string", jsonPath: ".status.ready" },
              { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
            ],
          }),
        ],
      }),
      crd({
        versions: [
          version("v1", undefined, {
            additionalPrinterColumns: [
              { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp", priority: 1 },
              { name: "Size", type: "integer", jsonPath: ".spec.size" },
            ],
          }),
        ],
      }),
      [
        ["printer-column-changed", false],
        ["printer-column-removed", false],
        ["printer-column-added", false],
      ],
      "spec.versions[v1].additionalPrinterColumns[Age]",
    ),
  },
];

const fieldCases: Case[] = [
  schemaCase(
    "removed field",
    object({ a: str(), b: str() }),
    object({ a: str() }),
    [["field-removed", true]],
    `${SPEC}.properties[b]`,
  ),
  schemaCase("removed nested object reports only the top", object({ o: object({ x: str() }) }), object({}), [
    ["field-removed", true],
  ]),
  schemaCase("new optional field", object({ a: str() }), object({ a: str(), b: str() }), [
    ["field-added", false],
  ]),
  schemaCase(
    "existing field newly required",
    object({ a: str() }),
    object({ a: str() }, { required: ["a"] }),
    [["field-required", true]],
    `${SPEC}.properties[a]`,
  ),
  schemaCase("new required field", object({}), object({ a: str() }, { required: ["a"] }), [
    ["field-added", false],
    ["field-required", true],
  ]),
  schemaCase("field no longer required", object({ a: str() }, { required: ["a"] }), object({ a: str() }), [
    ["field-optional", false],
  ]),
  // The API server defaults before it validates, so a defaulted field is never missing.
  schemaCase(
    "existing defaulted field newly required",
    object({ a: str({ default: "x" }) }),
    object({ a: str({ default: "x" }) }, { required: ["a"] }),
    [["field-required", false]],
  ),
  schemaCase(
    "new required field with a default",
    object({}),
    object({ a: int({ default: 1 }) }, { required: ["a"] }),
    [
      ["field-added", false],
      ["field-required", false],
    ],
  ),
  schemaCase(
    "newly required field whose default was removed",
    object({ a: str({ default: "x" }) }),
    object({ a: str() }, { required: ["a"] }),
    [
      ["field-required", true],
      ["default-changed", true],
    ],
  ),
  // An object that keeps unknown fields prunes nothing: values outlive their schema.
  schemaCase(
    "field removed from an object that keeps unknown fields",
    object({ a: str() }, { "x-kubernetes-preserve-unknown-fields": true }),
    object({}, { "x-kubernetes-preserve-unknown-fields": true }),
    [["field-removed", false]],
  ),
  schemaCase(
    "field added where unknown fields were kept",
    object({}, { "x-kubernetes-preserve-unknown-fields": true }),
    object({ a: int() }, { "x-kubernetes-preserve-unknown-fields": true }),
    [["field-added", true]],
  ),
  schemaCase(
    "field that accepts anything added where unknown fields were kept",
    object({}, { "x-kubernetes-preserve-unknown-fields": true }),
    object(
      { a: { "x-kubernetes-preserve-unknown-fields": true, description: "anything" } },
      { "x-kubernetes-preserve-unknown-fields": true },
    ),
    [["field-added", false]],
  ),
  schemaCase("field named constructor added", object({}), object({ constructor: str() }), [
    ["field-added", false],
  ]),
  schemaCase("field named toString removed", object({ toString: str() }), object({}), [
    ["field-removed", true],
  ]),
  schemaCase(
    "field named __proto__ added",
    object({}),
    object(JSON.parse('{"__proto__": {"type": "string"}}') as Record<string, JSONSchemaProps>),
    [["field-added", false]],
    `${SPEC}.properties[__proto__]`,
  ),
];

/** A CRD whose root schema (not only `spec`) is given. */
const rootCase = (
  name: string,
  old: JSONSchemaProps,
  neu: JSONSchemaProps,
  expected: Case["expected"],
  path?: string,
): Case => {
  const withRoot = (root: JSONSchemaProps) =>
    crd({ versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: root } }] });
  return { name, ...pair(withRoot(old), withRoot(neu), expected, path) };
};
const ROOT = "spec.versions[v1].schema.openAPIV3Schema";
const typed = (type: string, description?: string): JSONSchemaProps =>
  description === undefined ? { type } : { type, description };
const spec = object({ a: str() });
const listedRoot = object(
  {
    apiVersion: typed("string", "APIVersion defines..."),
    kind: typed("string"),
    metadata: typed("object"),
    spec,
  },
  { required: ["metadata", "spec"] },
);

// apiVersion, kind and metadata at the root are implicit: the API server sets them and never prunes them.
const rootCases: Case[] = [
  rootCase("implicit root fields dropped", listedRoot, object({ spec }, { required: ["spec"] }), []),
  rootCase(
    "implicit root fields listed",
    object({ spec }),
    listedRoot,
    [["field-required", true]],
    `${ROOT}.properties[spec]`,
  ),
  rootCase(
    "metadata no longer required at the root",
    listedRoot,
    object({ ...listedRoot.properties }),
    [["field-optional", false]],
    `${ROOT}.properties[spec]`,
  ),
  // Left out, a root metadata is still there, unpruned: only its constraints come and go.
  rootCase(
    "a root metadata that limited name dropped: the limit is removed, nothing is pruned",
    object({
      spec,
      metadata: object({ name: str({ maxLength: 63 }) }),
    }),
    object({ spec }),
    [["bounds-loosened", false]],
    `${ROOT}.properties[metadata].properties[name].maxLength`,
  ),
  rootCase(
    "a root metadata that limits name added: existing names may break the limit",
    object({ spec }),
    object({
      spec,
      metadata: object({ name: str({ maxLength: 63 }) }),
    }),
    [["bounds-tightened", true]],
    `${ROOT}.properties[metadata].properties[name].maxLength`,
  ),
  rootCase(
    "a limit on metadata.generateName dropped from a listed metadata",
    object({ spec, metadata: object({ generateName: str({ pattern: "^a" }) }) }),
    object({ spec, metadata: typed("object") }),
    [["pattern-removed", false]],
    `${ROOT}.properties[metadata].properties[generateName].pattern`,
  ),
  rootCase(
    "an apiVersion enum dropped: the enum is removed, the field is not",
    object({ spec, apiVersion: { type: "string", enum: ["example.com/v1"] } }),
    object({ spec }),
    [["enum-removed", false]],
    `${ROOT}.properties[apiVersion].enum`,
  ),
  rootCase(
    "a root field of another name still counts",
    object({ spec, status: object({}) }),
    object({ spec }),
    [["field-removed", true]],
  ),
];

const typeCases: Case[] = [
  schemaCase(
    "type changed",
    object({ a: int() }),
    object({ a: str() }),
    [["type-changed", true]],
    `${SPEC}.properties[a].type`,
  ),
  schemaCase(
    "type change hides the node's other differences",
    object({ a: int({ minimum: 1, description: "x" }) }),
    object({ a: str({ pattern: "^a$" }) }),
    [["type-changed", true]],
  ),
  schemaCase(
    "string widened to int-or-string",
    object({ a: str() }),
    object({ a: { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] } }),
    [["type-changed", true]],
  ),
  schemaCase(
    "preserve-unknown-fields removed",
    object({ a: { type: "object", "x-kubernetes-preserve-unknown-fields": true } }),
    object({ a: { type: "object" } }),
    [["type-changed", true]],
    `${SPEC}.properties[a].x-kubernetes-preserve-unknown-fields`,
  ),
  schemaCase(
    "preserve-unknown-fields added",
    object({ a: { type: "object" } }),
    object({ a: { type: "object", "x-kubernetes-preserve-unknown-fields": true } }),
    [["type-changed", false]],
  ),
  schemaCase(
    "items type changed",
    object({ l: { type: "array", items: str() } }),
    object({ l: { type: "array", items: int() } }),
    [["type-changed", true]],
    `${SPEC}.properties[l].items.type`,
  ),
  schemaCase(
    "items schema removed",
    object({ l: { type: "array", items: str() } }),
    object({ l: { type: "array" } }),
    [["schema-changed", true]],
  ),
];

const enumCases: Case[] = [
  schemaCase("enum value removed", str({ enum: ["A", "B"] }), str({ enum: ["A"] }), [
    ["enum-value-removed", true],
  ]),
  schemaCase("enum added to a free field", str(), str({ enum: ["A"] }), [["enum-added", true]]),
  schemaCase("enum value added", str({ enum: ["A"] }), str({ enum: ["A", "B"] }), [
    ["enum-value-added", false],
  ]),
  schemaCase("enum reordered is no change", str({ enum: ["A", "B"] }), str({ enum: ["B", "A"] }), []),
  schemaCase("enum dropped", str({ enum: ["A"] }), str(), [["enum-removed", false]]),
];

const boundCases: Case[] = [
  schemaCase(
    "minimum raised",
    int({ minimum: 0 }),
    int({ minimum: 1 }),
    [["bounds-tightened", true]],
    `${SPEC}.minimum`,
  ),
  schemaCase("minimum newly set", int(), int({ minimum: 1 }), [["bounds-tightened", true]]),
  schemaCase("minimum lowered", int({ minimum: 1 }), int({ minimum: 0 }), [["bounds-loosened", false]]),
  schemaCase(
    "maximum lowered",
    int({ maximum: 10 }),
    int({ maximum: 5 }),
    [["bounds-tightened", true]],
    `${SPEC}.maximum`,
  ),
  schemaCase("maximum removed", int({ maximum: 10 }), int(), [["bounds-loosened", false]]),
  schemaCase(
    "exclusive minimum added",
    { type: "number", minimum: 0 },
    { type: "number", minimum: 0, exclusiveMinimum: true },
    [["bounds-tightened", true]],
    `${SPEC}.exclusiveMinimum`,
  ),
  schemaCase(
    "equivalent integer bounds are no change",
    int({ maximum: 5, exclusiveMaximum: true }),
    int({ maximum: 4 }),
    [],
  ),
  schemaCase("minLength raised", str({ minLength: 1 }), str({ minLength: 2 }), [["bounds-tightened", true]]),
  schemaCase("minLength 0 newly set is no change", str(), str({ minLength: 0 }), []),
  schemaCase("maxLength raised", str({ maxLength: 10 }), str({ maxLength: 20 }), [
    ["bounds-loosened", false],
  ]),
  schemaCase(
    "maxItems newly set",
    { type: "array", items: str() },
    { type: "array", items: str(), maxItems: 3 },
    [["bounds-tightened", true]],
  ),
  schemaCase(
    "minItems raised",
    { type: "array", items: str(), minItems: 0 },
    { type: "array", items: str(), minItems: 1 },
    [["bounds-tightened", true]],
  ),
  schemaCase("minProperties raised", object({}, { minProperties: 1 }), object({}, { minProperties: 2 }), [
    ["bounds-tightened", true],
  ]),
  schemaCase("maxProperties lowered", object({}, { maxProperties: 5 }), object({}, { maxProperties: 4 }), [
    ["bounds-tightened", true],
  ]),
  schemaCase("multipleOf made coarser", int({ multipleOf: 2 }), int({ multipleOf: 4 }), [
    ["bounds-tightened", true],
  ]),
  schemaCase("multipleOf made finer", int({ multipleOf: 4 }), int({ multipleOf: 2 }), [
    ["bounds-loosened", false],
  ]),
];

const stringCases: Case[] = [
  schemaCase(
    "pattern added",
    str(),
    str({ pattern: "^[a-z]+$" }),
    [["pattern-added", true]],
    `${SPEC}.pattern`,
  ),
  schemaCase("pattern changed", str({ pattern: "^[a-z]+$" }), str({ pattern: "^[a-z0-9]+$" }), [
    ["pattern-changed", true],
  ]),
  schemaCase("pattern removed", str({ pattern: "^a" }), str(), [["pattern-removed", false]]),
  schemaCase("format changed", int({ format: "int32" }), int({ format: "int64" }), [
    ["format-changed", true],
  ]),
  schemaCase("format added", str(), str({ format: "date-time" }), [["format-changed", true]]),
  schemaCase("format removed", str({ format: "date-time" }), str(), [["format-removed", false]]),
  schemaCase("nullable true to false", str({ nullable: true }), str({ nullable: false }), [
    ["nullable-removed", true],
  ]),
  schemaCase("nullable added", str(), str({ nullable: true }), [["nullable-added", false]]),
  // Found by test/diff/soundness.test.ts: a null sent for a defaulted field got the default, and is now kept.
  schemaCase(
    "nullable added to a defaulted field",
    str({ default: "x" }),
    str({ default: "x", nullable: true }),
    [["nullable-added", true]],
  ),
  // A null the API server dropped is now kept, and counts towards maxProperties.
  schemaCase(
    "nullable added to a field of an object with maxProperties",
    object({ a: str(), b: str() }, { maxProperties: 1 }),
    object({ a: str({ nullable: true }), b: str() }, { maxProperties: 1 }),
    [["nullable-added", true]],
  ),
  schemaCase(
    "nullable added to a map's values under maxProperties",
    { type: "object", additionalProperties: str(), maxProperties: 2 },
    { type: "object", additionalProperties: str({ nullable: true }), maxProperties: 2 },
    [["nullable-added", true]],
  ),
];

const validations = (...rules: object[]): JSONSchemaProps =>
  object({}, { "x-kubernetes-validations": rules as never });

const celCases: Case[] = [
  schemaCase(
    "new CEL rule",
    validations(),
    validations(rule("self.a <= 10")),
    [["validation-rule-added", true]],
    `${SPEC}.x-kubernetes-validations[0]`,
  ),
  // Transition rules are never ratcheted: a new `self == oldSelf` makes a field immutable.
  schemaCase(
    "new transition rule (immutability) is breaking",
    validations(),
    validations(rule("self == oldSelf")),
    [["validation-rule-added", true]],
  ),
  schemaCase(
    "new transition rule referencing oldSelf",
    validations(),
    validations(rule("self.a >= oldSelf.a")),
    [["validation-rule-added", true]],
  ),
  schemaCase(
    "new rule with optionalOldSelf",
    validations(),
    validations(rule("!oldSelf.hasValue() || self.a <= 10", { optionalOldSelf: true })),
    [["validation-rule-added", true]],
  ),
  schemaCase(
    "changed transition rule text",
    validations(rule("self >= oldSelf")),
    validations(rule("self == oldSelf")),
    [["validation-rule-changed", true]],
  ),
  schemaCase(
    "optionalOldSelf turned on makes a transition rule run on create too",
    validations(rule("oldSelf.hasValue()")),
    validations(rule("oldSelf.hasValue()", { optionalOldSelf: true })),
    [["validation-rule-changed", true]],
  ),
  schemaCase(
    "optionalOldSelf turned off",
    validations(rule("oldSelf.hasValue()", { optionalOldSelf: true })),
    validations(rule("oldSelf.hasValue()")),
    [["validation-rule-details-changed", false]],
  ),
  schemaCase(
    "oldSelf inside a string literal does not ratchet",
    validations(),
    validations(rule("self.m != 'oldSelf'")),
    [["validation-rule-added", true]],
  ),
  schemaCase("changed rule text", validations(rule("self.a <= 10")), validations(rule("self.a <= 5")), [
    ["validation-rule-changed", true],
  ]),
  schemaCase(
    "rules matched by text despite reordering",
    validations(rule("self.a <= 10"), rule("self.b <= 10")),
    validations(rule("self.b <= 10"), rule("self.a <= 10")),
    [],
  ),
  schemaCase("removed rule", validations(rule("self.a <= 10")), validations(), [
    ["validation-rule-removed", false],
  ]),
  // Pairing by position would call "self.a > 0" changed into "self.a < 50".
  schemaCase(
    "one rule removed before another that changed: paired by message",
    validations(rule("self.a > 0", { message: "positive" }), rule("self.a < 100", { message: "too big" })),
    validations(rule("self.a < 50", { message: "too big" })),
    [
      ["validation-rule-removed", false],
      ["validation-rule-changed", true],
    ],
  ),
  schemaCase(
    "one rule removed before another that changed: paired by similar text",
    validations(rule("size(self.tags) > 0"), rule("self.a < 100")),
    validations(rule("self.a < 50")),
    [
      ["validation-rule-removed", false],
      ["validation-rule-changed", true],
    ],
  ),
  schemaCase(
    "a rule replaced by an unrelated one is one removed and one added",
    validations(rule("size(self.tags) > 0")),
    validations(rule("self.a.startsWith('x')")),
    [
      ["validation-rule-added", true],
      ["validation-rule-removed", false],
    ],
  ),
  schemaCase(
    "only the message changed",
    validations(rule("self.a <= 10", { message: "too big" })),
    validations(rule("self.a <= 10", { message: "a must be at most 10" })),
    [["validation-rule-details-changed", false]],
  ),
];

/**
 * One-of rules as controller-gen v0.21 wrote them against today's controller-tools and crdgen
 * spelling (../shared/anchors/controller-gen/testdata.kubebuilder.io_oneofs.yaml): the same
 * constraint is no change; anything not recognised exactly is still a changed rule.
 */
const LISTED = "[has(self.a),has(self.b)].filter(x,x==true).size()";
const SUMMED = "(has(self.a)?1:0)+(has(self.b)?1:0)";
const EXACTLY = { message: "exactly one of the fields in [a b] must be set" };
const AT_MOST = { message: "at most one of the fields in [a b] may be set" };
const AT_LEAST = { message: "at least one of the fields in [a b] must be set" };
const respelled = (name: string, old: object[], neu: object[], expected: Case["expected"]): Case =>
  schemaCase(name, validations(...old), validations(...neu), expected);

const oneOfCases: Case[] = [
  respelled(
    "exactly one, respelled",
    [rule(`${LISTED} == 1`, EXACTLY)],
    [rule(`${SUMMED} == 1`, EXACTLY)],
    [],
  ),
  respelled(
    "at most one, respelled",
    [rule(`${LISTED} <= 1`, AT_MOST)],
    [rule(`${SUMMED} <= 1`, AT_MOST)],
    [],
  ),
  respelled(
    "at least one, respelled as a disjunction",
    [rule(`${LISTED} >= 1`, AT_LEAST)],
    [rule("has(self.a)||has(self.b)", AT_LEAST)],
    [],
  ),
  respelled(
    "the other way round, with spaces, fields in another order",
    [rule("has(self.b) || has(self.a)", AT_LEAST)],
    [rule("[ has(self.a), has(self.b) ].filter(x, x == true).size() >= 1", AT_LEAST)],
    [],
  ),
  respelled(
    "three fields and escaped names",
    [rule("[has(self.a),has(self.b__dash__c),has(self.d)].filter(x,x==true).size() == 1", EXACTLY)],
    [rule("(has(self.a)?1:0)+(has(self.b__dash__c)?1:0)+(has(self.d)?1:0) == 1", EXACTLY)],
    [],
  ),
  respelled(
    "two groups respelled and reordered are paired by meaning",
    [rule(`${LISTED} == 1`, EXACTLY), rule("[has(self.c),has(self.d)].filter(x,x==true).size() <= 1")],
    [rule("(has(self.c)?1:0)+(has(self.d)?1:0) <= 1"), rule(`${SUMMED} == 1`, EXACTLY)],
    [],
  ),
  respelled(
    "exactly one became at most one",
    [rule(`${LISTED} == 1`, EXACTLY)],
    [rule(`${SUMMED} <= 1`, EXACTLY)],
    [["validation-rule-changed", true]],
  ),
  respelled(
    "at most one became at least one",
    [rule(`${LISTED} <= 1`, AT_LEAST)],
    [rule("has(self.a)||has(self.b)", AT_LEAST)],
    [["validation-rule-changed", true]],
  ),
  respelled(
    "another set of fields",
    [rule(`${LISTED} == 1`, EXACTLY)],
    [rule("(has(self.a)?1:0)+(has(self.c)?1:0) == 1", EXACTLY)],
    [["validation-rule-changed", true]],
  ),
  respelled(
    "respelled and reworded: the same rule, its message changed",
    [rule(`${LISTED} == 1`, EXACTLY)],
    [rule(`${SUMMED} == 1`, { message: "set exactly one of a and b" })],
    [["validation-rule-details-changed", false]],
  ),
  respelled(
    "respelled with a reason added: the same rule, a detail changed",
    [rule(`${LISTED} == 1`, EXACTLY)],
    [rule(`${SUMMED} == 1`, { ...EXACTLY, reason: "FieldValueForbidden" })],
    [["validation-rule-details-changed", false]],
  ),
  respelled(
    "a field counted twice is not a one-of group",
    [rule("[has(self.a),has(self.a),has(self.b)].filter(x,x==true).size() == 1")],
    [rule("(has(self.a)?1:0)+(has(self.b)?1:0) == 1")],
    [["validation-rule-changed", true]],
  ),
  respelled(
    "a nested path is not a one-of group",
    [rule("[has(self.a.x),has(self.b)].filter(x,x==true).size() == 1")],
    [rule("(has(self.a.x)?1:0)+(has(self.b)?1:0) == 1")],
    [["validation-rule-changed", true]],
  ),
  respelled(
    "a count other than one is not recognised",
    [rule("[has(self.a),has(self.b)].filter(x,x==true).size() == 2")],
    [rule("(has(self.a)?1:0)+(has(self.b)?1:0) == 2")],
    [["validation-rule-changed", true]],
  ),
  respelled(
    "a filter on something else than true is not recognised",
    [rule("[has(self.a),has(self.b)].filter(x,x==false).size() >= 1")],
    [rule("has(self.a)||has(self.b)")],
    [["validation-rule-changed", true]],
  ),
  respelled(
    "a disjunction with more after it is not recognised",
    [rule(`${LISTED} >= 1`)],
    [rule("has(self.a)||has(self.b)||self.c")],
    [["validation-rule-changed", true]],
  ),
];

const collectionCases: Case[] = [
  schemaCase(
    "list type atomic to map",
    { type: "array", items: object({ name: str() }, { required: ["name"] }) },
    {
      type: "array",
      items: object({ name: str() }, { required: ["name"] }),
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name"],
    },
    // One change: the keys come with the new list type, and its message names them.
    [["list-type-changed", true]],
  ),
  schemaCase(
    "list map keys changed",
    {
      type: "array",
      items: object({ name: str(), port: int() }, { required: ["name", "port"] }),
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name"],
    },
    {
      type: "array",
      items: object({ name: str(), port: int() }, { required: ["name", "port"] }),
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name", "port"],
    },
    [["list-map-keys-changed", true]],
  ),
  schemaCase(
    "spelling out the default atomic list type is no change",
    { type: "array", items: str() },
    { type: "array", items: str(), "x-kubernetes-list-type": "atomic" },
    [],
  ),
  schemaCase(
    "map type granular to atomic",
    object({ a: str() }),
    object({ a: str() }, { "x-kubernetes-map-type": "atomic" }),
    [["map-type-changed", true]],
  ),
  schemaCase(
    "additionalProperties removed",
    { type: "object", additionalProperties: str() },
    { type: "object" },
    [["additional-properties-changed", true]],
  ),
  schemaCase(
    "map turned into an object that keeps unknown fields keeps its entries",
    { type: "object", additionalProperties: str() },
    { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    [
      ["additional-properties-changed", false],
      ["type-changed", false],
    ],
  ),
  schemaCase(
    "additionalProperties added",
    { type: "object" },
    { type: "object", additionalProperties: str() },
    [["additional-properties-changed", false]],
  ),
  schemaCase(
    "additionalProperties true narrowed to a schema",
    { type: "object", additionalProperties: true },
    { type: "object", additionalProperties: str() },
    [["additional-properties-changed", true]],
  ),
  schemaCase(
    "additionalProperties value type changed",
    { type: "object", additionalProperties: str() },
    { type: "object", additionalProperties: int() },
    [["type-changed", true]],
    `${SPEC}.additionalProperties.type`,
  ),
  schemaCase(
    "anyOf changed",
    object({ a: str(), b: str() }, { anyOf: [{ required: ["a"] }, { required: ["b"] }] }),
    object({ a: str(), b: str() }, { anyOf: [{ required: ["a"] }] }),
    [["composition-changed", true]],
  ),
  schemaCase("oneOf dropped", object({ a: str() }, { oneOf: [{ required: ["a"] }] }), object({ a: str() }), [
    ["composition-changed", false],
  ]),
];

const docCases: Case[] = [
  schemaCase("default changed", int({ default: 1 }), int({ default: 3 }), [["default-changed", true]]),
  schemaCase("default added", int(), int({ default: 1 }), [["default-added", false]]),
  // Found by test/diff/soundness.test.ts: the API server fills defaults in before it validates,
  // so an object already at its maxProperties is refused once a new default adds a field to it.
  schemaCase(
    "default added to a field of an object with maxProperties",
    object({ a: int(), b: int() }, { maxProperties: 1 }),
    object({ a: int({ default: 1 }), b: int() }, { maxProperties: 1 }),
    [["default-added", true]],
  ),
  schemaCase(
    "default added to a field a rule of its object names",
    object({ a: int(), b: int() }, { "x-kubernetes-validations": [rule("!has(self.a) || !has(self.b)")] }),
    object(
      { a: int({ default: 1 }), b: int() },
      { "x-kubernetes-validations": [rule("!has(self.a) || !has(self.b)")] },
    ),
    [["default-added", true]],
  ),
  schemaCase(
    "default added to a field its object's rules do not name",
    object({ a: int(), b: int() }, { "x-kubernetes-validations": [rule("has(self.b)", { message: "a" })] }),
    object(
      { a: int({ default: 1 }), b: int() },
      { "x-kubernetes-validations": [rule("has(self.b)", { message: "a" })] },
    ),
    [["default-added", false]],
  ),
  schemaCase(
    "new field with a default in an object with maxProperties",
    object({ a: int() }, { maxProperties: 1 }),
    object({ a: int(), b: int({ default: 1 }) }, { maxProperties: 1 }),
    [["field-added", true]],
  ),
  schemaCase(
    "new required field with a default in an object with maxProperties",
    object({ a: int() }, { maxProperties: 1 }),
    object({ a: int(), b: int({ default: 1 }) }, { maxProperties: 1, required: ["b"] }),
    [
      ["field-added", true],
      ["field-required", false],
    ],
  ),
  // A map value's default replaces a null entry, which was dropped before: one entry more.
  schemaCase(
    "default added to a map's values under maxProperties",
    { type: "object", additionalProperties: int(), maxProperties: 2 },
    { type: "object", additionalProperties: int({ default: 1 }), maxProperties: 2 },
    [["default-added", true]],
  ),
  schemaCase("description changed", str({ description: "a" }), str({ description: "b" }), [
    ["description-changed", false],
  ]),
  // Go doc comments rewrapped, or joined into one line as Kubernetes' OpenAPI data joins them.
  schemaCase(
    "description rewrapped",
    str({ description: "values is a list.\nIt must be  non-empty." }),
    str({ description: "values is a list. It must be non-empty.\n" }),
    [],
  ),
  schemaCase(
    "description reworded across a line break",
    str({ description: "values is a list.\nIt must be non-empty." }),
    str({ description: "values is a list. It may be empty." }),
    [["description-changed", false]],
  ),
  schemaCase("description added", str(), str({ description: "a" }), [["description-changed", false]]),
  schemaCase("empty description removed", str({ description: " " }), str(), [["description-changed", false]]),
  schemaCase(
    "title changed",
    str({ title: "a" }),
    str({ title: "b" }),
    [["schema-changed", false]],
    `${SPEC}.title`,
  ),
];

const groups = {
  crdCases,
  conversionCases,
  versionCases,
  fieldCases,
  rootCases,
  typeCases,
  enumCases,
  boundCases,
  stringCases,
  celCases,
  oneOfCases,
  collectionCases,
  docCases,
};

describe.each(Object.entries(groups))("%s", (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const changes = diffCrds(c.old, c.new);
    expect(changes.map((ch) => [ch.kind, ch.breaking])).toEqual(c.expected);
    if (c.path !== undefined) expect(changes[0]?.path).toBe(c.path);
    for (const change of changes) expect(change.crd).toBe("widgets.example.com");
  });
});

describe("change details", () => {
  it("attributes version-level changes to their version and CRD-level ones to none", () => {
    const changes = diffCrds(
      [crd({ versions: twoVersions() })],
      [crd({ scope: "Cluster", versions: [version("v1")] })],
    );
    expect(changes.map((c) => [c.kind, c.version])).toEqual([
      ["scope-changed", undefined],
      ["version-removed", "v1beta1"],
    ]);
  });

  it("carries the old and new values", () => {
    const [change] = diffCrds([crdWithSpec(int({ maximum: 10 }))], [crdWithSpec(int({ maximum: 5 }))]);
    expect(change).toMatchObject({ old: "<= 10", new: "<= 5" });
    const [format] = diffCrds([crdWithSpec(str({ format: "a" }))], [crdWithSpec(str({ format: "b" }))]);
    expect(format).toMatchObject({ old: "a", new: "b" });
  });

  it("locates a change inside the new document, cut short where the old-only node was", () => {
    const old = crd({ versions: twoVersions() });
    const neu = crd({
      versions: [
        version("v1", object({ a: str() })),
        version("v1beta1", undefined, { storage: false, served: false }),
      ],
    });
    const changes = diffCrds([old], [neu]);
    const unserved = changes.find((c) => c.kind === "version-unserved");
    expect(unserved?.location).toEqual(["spec", "versions", 1, "served"]);
    const removedRule = diffCrds([crdWithSpec(validations(rule("a")))], [crdWithSpec(validations())])[0];
    expect(removedRule?.location).toEqual([
      "spec",
      "versions",
      0,
      "schema",
      "openAPIV3Schema",
      "properties",
      "spec",
      "x-kubernetes-validations",
    ]);
    expect(diffCrds([crd()], [])[0]?.location).toBeUndefined();
    // An entry of a list is located at the key that names it.
    const added = diffCrds([crd()], [crd({ versions: twoVersions() })])[0];
    expect(added?.location).toEqual(["spec", "versions", 0, "name"]);
    const newRule = diffCrds([crdWithSpec(validations())], [crdWithSpec(validations(rule("a")))])[0];
    expect(newRule?.location?.slice(-2)).toEqual([0, "rule"]);
  });

  it("treats a group rename of an unrelated kind as removed plus added", () => {
    const changes = diffCrds([crd({ group: "example.io" })], [crd({ group: "example.com", kind: "Gadget" })]);
    expect(changes.map((c) => [c.crd, c.kind])).toEqual([
      ["widgets.example.com", "crd-added"],
      ["widgets.example.io", "crd-removed"],
    ]);
  });

  it("reads malformed CRDs without throwing", () => {
    const broken = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: {},
      spec: { versions: "x" },
    };
    expect(() => diffCrds([broken as unknown as CustomResourceDefinition], [crd()])).not.toThrow();
  });
});

describe("validation rule messages", () => {
  const added = (text: string) =>
    diffCrds([crdWithSpec(validations())], [crdWithSpec(validations(rule(text)))])[0]?.message;

  it("say that transition rules are never ratcheted", () => {
    expect(added("self == oldSelf")).toBe(
      'new transition rule "self == oldSelf"; updates it rejects now fail (rules on oldSelf are never ratcheted)',
    );
  });

  it("say that other rules spare values an update leaves unchanged", () => {
    expect(added("self.a <= 10")).toBe(
      'new validation rule "self.a <= 10"; requests it rejects now fail (on update, Kubernetes 1.30+ exempts values left unchanged)',
    );
  });

  it("name the new text of a changed rule", () => {
    const [change] = diffCrds(
      [crdWithSpec(validations(rule("self.a <= 10")))],
      [crdWithSpec(validations(rule("self.a <= 5")))],
    );
    expect(change?.message).toContain('validation rule changed to "self.a <= 5"');
  });
});

describe("identity change messages", () => {
  const message = (old: CustomResourceDefinition, neu: CustomResourceDefinition, path: string) =>
    diffCrds([old], [neu]).find((c) => c.path === path)?.message;

  // Kubernetes refuses scope and kind changes on an established CRD, and group and plural
  // are part of the CRD's name: each message says what the change takes.
  it("say that scope and kind are immutable on an existing CRD", () => {
    expect(message(crd(), crd({ scope: "Cluster" }), "spec.scope")).toContain("scope is immutable");
    expect(message(crd(), crd({ kind: "Gadget" }), "spec.names.kind")).toContain("kind is immutable");
  });

  it("say that a new group or plural is another CRD", () => {
    expect(message(crd(), crd({ group: "example.io" }), "spec.group")).toContain("another CRD");
    expect(message(crd(), crd({ plural: "gadgets" }), "spec.names.plural")).toContain("another CRD");
  });
});

describe("size bound messages", () => {
  const message = (old: JSONSchemaProps, neu: JSONSchemaProps) =>
    diffCrds([crdWithSpec(old)], [crdWithSpec(neu)])[0]?.message;

  // A limit that was not there is set, not "lowered from unset".
  it.each([
    [str(), str({ maxLength: 10 }), "maxLength set to 10"],
    [str({ maxLength: 10 }), str(), "maxLength removed (was 10)"],
    [str({ maxLength: 63 }), str({ maxLength: 40 }), "maxLength lowered from 63 to 40"],
    [str(), str({ minLength: 2 }), "minLength set to 2"],
    [str({ minLength: 0 }), str({ minLength: 3 }), "minLength raised from 0 to 3"],
  ])("%j -> %j: %s", (old, neu, expected) => {
    expect(message(old, neu)).toBe(expected);
  });
});

describe("storage messages", () => {
  it("name the first difference that breaks stored objects when conversion is None", () => {
    const [change] = diffCrds(
      [crd({ versions: [version("v1beta1", sized), version("v1", renamed, { storage: false })] })],
      [crd({ versions: [version("v1beta1", sized, { storage: false }), version("v1", renamed)] })],
    );
    expect(change?.message).toBe(
      'storage version moved from v1beta1 to v1; conversion None changes apiVersion alone, so objects stored as v1beta1 are read and written through the schema of v1, which breaks them at openAPIV3Schema.properties[spec].properties[size]: field "size" was removed; stored values are pruned and clients using it break',
    );
  });

  it("say that the API server refuses to drop a version objects may be stored in", () => {
    const removed = (old: CustomResourceDefinition) =>
      diffCrds([old], [crd({ versions: [version("v1")] })]).find((c) => c.kind === "version-removed")
        ?.message;
    const unserved = version("v1beta1", undefined, { storage: false, served: false });
    expect(removed(stored(crd({ versions: [unserved, version("v1")] }), ["v1beta1", "v1"]))).toBe(
      "version v1beta1 was removed, but objects may be stored in it (status.storedVersions lists it): the API server refuses this until a storage migration has rewritten them and removed v1beta1 from status.storedVersions; keep it, unserved, until then",
    );
    expect(removed(crd({ versions: [unserved, version("v1")] }))).toBe(
      "version v1beta1 was removed (it was already unserved); the API server refuses the update while status.storedVersions lists it",
    );
  });
});

describe("version added messages", () => {
  const added = (old: CustomResourceDefinition, neu: CustomResourceDefinition) =>
    diffCrds([old], [neu]).find((c) => c.kind === "version-added")?.message;

  it("name the first stored field a request to the new version would lose, and why kubectl sends it there", () => {
    expect(
      added(
        crd({ versions: [version("v1beta1", sized)] }),
        crd({ versions: [version("v1beta1", sized), version("v1", renamed, { storage: false })] }),
      ),
    ).toBe(
      'version v1 was added; v1 is now the preferred version, which kubectl uses when none is named (edit, label, patch, scale); conversion None changes apiVersion alone, so a request to v1 reads and writes objects stored as v1beta1 through the schema of v1, which breaks them at openAPIV3Schema.properties[spec].properties[size]: field "size" was removed; stored values are pruned and clients using it break',
    );
  });

  it("warn, without breaking, when the new version is not the one kubectl prefers", () => {
    expect(
      added(
        crd({ versions: [version("v1", sized)] }),
        crd({ versions: [version("v1", sized), version("v2alpha1", renamed, { storage: false })] }),
      ),
    ).toMatch(
      /^version v2alpha1 was added; warning: conversion None .*properties\[size\]: field "size" was removed/,
    );
  });

  it("say nothing more when the new version keeps what is stored", () => {
    expect(
      added(
        crd({ versions: [version("v1beta1", sized)] }),
        crd({ versions: [version("v1beta1", sized), version("v1", sized, { storage: false })] }),
      ),
    ).toBe("version v1 was added");
  });
});

describe("validation rule pairing", () => {
  const changes = (old: object[], neu: object[]) =>
    diffCrds([crdWithSpec(validations(...old))], [crdWithSpec(validations(...neu))]).map((c) => [
      c.kind,
      c.path.replace(/^.*x-kubernetes-validations/, ""),
      c.old ?? c.new,
    ]);

  it("names the rule that changed, not the one that took its position", () => {
    expect(
      changes(
        [rule("self.a > 0", { message: "positive" }), rule("self.a < 100", { message: "too big" })],
        [rule("self.a < 50", { message: "too big" })],
      ),
    ).toEqual([
      ["validation-rule-removed", "[0]", "self.a > 0"],
      ["validation-rule-changed", "[0].rule", "self.a < 100"],
    ]);
  });

  it("pairs by message expression as by message", () => {
    const expression = { messageExpression: "'a is ' + string(self.a)" };
    expect(
      changes(
        [rule("size(self.tags) > 0"), rule("self.a < 100", expression)],
        [rule("self.a <= 99", expression), rule("self.name.startsWith('x')")],
      ),
    ).toEqual([
      ["validation-rule-removed", "[0]", "size(self.tags) > 0"],
      ["validation-rule-changed", "[0].rule", "self.a < 100"],
      ["validation-rule-added", "[1]", "self.name.startsWith('x')"],
    ]);
  });

  it("pairs the most similar rules first, whatever their order", () => {
    expect(
      changes(
        [rule("self.a <= 10"), rule("size(self.tags) <= 5")],
        [rule("size(self.tags) <= 3"), rule("self.a <= 20")],
      ),
    ).toEqual([
      ["validation-rule-changed", "[0].rule", "size(self.tags) <= 5"],
      ["validation-rule-changed", "[1].rule", "self.a <= 10"],
    ]);
  });

  it("keeps exact text first: a rule kept as it was is no change beside one edited like it", () => {
    expect(
      changes([rule("self.a <= 10"), rule("self.a <= 20")], [rule("self.a <= 30"), rule("self.a <= 10")]),
    ).toEqual([["validation-rule-changed", "[0].rule", "self.a <= 20"]]);
  });
});

describe("default-fill messages", () => {
  it("say why a default or a null newly kept can get an object refused", () => {
    const limited = diffCrds(
      [crdWithSpec(object({ a: int() }, { maxProperties: 1 }))],
      [crdWithSpec(object({ a: int({ default: 1 }) }, { maxProperties: 1 }))],
    );
    expect(limited.map((c) => c.message)).toEqual([
      'default 1 was added; the object holding it takes at most 1 field, and "a" set to the default now counts as one',
    ]);
    const named = diffCrds(
      [crdWithSpec(object({ a: str() }, { "x-kubernetes-validations": [rule("!has(self.a)")] }))],
      [
        crdWithSpec(
          object({ a: str({ nullable: true }) }, { "x-kubernetes-validations": [rule("!has(self.a)")] }),
        ),
      ],
    );
    expect(named.map((c) => c.message)).toEqual([
      'null is now accepted; the rule "!has(self.a)" of the object holding it now sees "a" set to null, and may refuse it',
    ]);
    const defaulted = diffCrds(
      [crdWithSpec(str({ default: "x" }))],
      [crdWithSpec(str({ default: "x", nullable: true }))],
    );
    expect(defaulted.map((c) => c.message)).toEqual([
      'null is now accepted; a null no longer gets the default "x": it is kept as null',
    ]);
  });
});

describe("default messages", () => {
  const message = (old: JSONSchemaProps, neu: JSONSchemaProps) =>
    diffCrds([crdWithSpec(old)], [crdWithSpec(neu)])[0]?.message;
  const conditions = (text: string) => [
    { type: "Ready", status: "Unknown", reason: "Pending", message: text },
  ];

  it("show a long default at the first place it differs, not two equal-looking previews", () => {
    const list = (text: string): JSONSchemaProps => ({
      type: "array",
      items: object({}, { "x-kubernetes-preserve-unknown-fields": true }),
      default: conditions(text),
    });
    expect(message(list("Waiting for controller"), list("Waiting"))).toBe(
      'default changed at [0].message from "Waiting for controller" to "Waiting"; requests that omit the field get the new value',
    );
  });

  it("show short defaults whole", () => {
    expect(message(int({ default: 1 }), int({ default: 3 }))).toBe(
      "default changed from 1 to 3; requests that omit the field get the new value",
    );
    expect(message(int({ default: 1 }), int())).toBe(
      "default 1 was removed; requests that omit the field no longer get it",
    );
  });
});

describe("validation rule locations", () => {
  const first = (old: object[], neu: object[]) =>
    diffCrds([crdWithSpec(validations(...old))], [crdWithSpec(validations(...neu))])[0];
  const list = `${SPEC}.x-kubernetes-validations[0]`;

  // controller-gen writes `message` above `rule`: the annotation belongs on the rule.
  it("put a changed rule at its text, and changed details at the first detail that changed", () => {
    expect(
      first([rule("self.a <= 10", { message: "m" })], [rule("self.a <= 5", { message: "m" })])?.path,
    ).toBe(`${list}.rule`);
    expect(
      first([rule("oldSelf.hasValue()")], [rule("oldSelf.hasValue()", { optionalOldSelf: true })])?.path,
    ).toBe(`${list}.optionalOldSelf`);
    const details = first(
      [rule("self.a <= 10", { message: "m", reason: "FieldValueInvalid" })],
      [rule("self.a <= 10", { message: "n", reason: "FieldValueForbidden" })],
    );
    expect(details?.path).toBe(`${list}.message`);
    expect(details?.message).toBe('validation rule "self.a <= 10": message, reason changed');
  });
});

describe("type and null messages", () => {
  const message = (old: JSONSchemaProps, neu: JSONSchemaProps) =>
    diffCrds([crdWithSpec(old)], [crdWithSpec(neu)])[0]?.message;
  const intOrString: JSONSchemaProps = { "x-kubernetes-int-or-string": true };

  // A widening keeps every stored value valid: what breaks is a client decoding the old type.
  it.each([
    [int(), { type: "number" }, "integer", "number"],
    [str(), intOrString, "string", "int-or-string"],
  ] as const)("say that widening %j -> %j keeps stored values valid", (old, neu, from, to) => {
    expect(message(old, neu)).toBe(
      `type changed from ${from} to ${to}; stored values stay valid, but clients that decode it as ${from} fail on the values it now allows`,
    );
  });

  it("say that narrowing may leave stored values that do not fit", () => {
    expect(message(intOrString, str())).toBe(
      "type changed from int-or-string to string; stored values may not fit it: requests with them are rejected, and clients that decode string fail on them",
    );
  });

  // Kubernetes prunes a null field that is not nullable rather than rejecting it.
  it("say what becomes of a null once nullable is removed", () => {
    expect(message(str({ nullable: true }), str())).toBe(
      "null is no longer accepted: a null field is pruned (or given its default), a null list item or map value rejected",
    );
  });
});
