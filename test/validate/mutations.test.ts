/**
 * One rule at a time (reference §1–§11): a valid corpus CRD (velero DownloadRequest, one
 * version, so schema paths read `spec.validation.openAPIV3Schema`) is broken in one place,
 * and exactly that rule's errors must come back at the right paths.
 */
import { describe, expect, it } from "vitest";
import type { CustomResourceDefinition, JSONSchemaProps } from "../../src/schema/types.js";
import { validateCrd } from "../../src/validate/index.js";
import { jsonClone } from "../../src/validate/json.js";
import { mismatches, type Expectation } from "./anchors.js";
import { corpusCrds } from "./corpus.js";

const BASE = corpusCrds("crds").find((c) => c.file === "crds/velero/velero.io_downloadrequests.yaml")
  ?.crd as unknown as CustomResourceDefinition;

const S = "spec.validation.openAPIV3Schema";
const SPEC = `${S}.properties[spec]`;
const TARGET = `${SPEC}.properties[target]`;
const NAME = `${TARGET}.properties[name]`;

function root(crd: CustomResourceDefinition): JSONSchemaProps {
  return crd.spec.versions[0]!.schema!.openAPIV3Schema!;
}
function spec(crd: CustomResourceDefinition): JSONSchemaProps {
  return root(crd).properties!["spec"]!;
}
function target(crd: CustomResourceDefinition): JSONSchemaProps {
  return spec(crd).properties!["target"]!;
}
function name(crd: CustomResourceDefinition): JSONSchemaProps {
  return target(crd).properties!["name"]!;
}
/** Adds a property under spec. */
function addSpecProp(crd: CustomResourceDefinition, key: string, schema: JSONSchemaProps): void {
  spec(crd).properties![key] = schema;
}
/** Adds a second version with the same (or a changed) schema. */
function addVersion(crd: CustomResourceDefinition, versionName: string, storage: boolean): void {
  const v = jsonClone(crd.spec.versions[0]!);
  crd.spec.versions.push({ ...v, name: versionName, storage });
}
function webhook(
  crd: CustomResourceDefinition,
  clientConfig: object,
  reviewVersions: string[] = ["v1"],
): void {
  crd.spec.conversion = {
    strategy: "Webhook",
    webhook: { clientConfig, conversionReviewVersions: reviewVersions },
  };
}
function mapList(keys: string[], item: JSONSchemaProps): JSONSchemaProps {
  return { type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": keys, items: item };
}
const embedded = (extra: JSONSchemaProps = {}): JSONSchemaProps => ({
  type: "object",
  "x-kubernetes-embedded-resource": true,
  "x-kubernetes-preserve-unknown-fields": true,
  ...extra,
});

type Row = [
  rule: string,
  mutate: (crd: CustomResourceDefinition) => void,
  expected: [path: string, type: string, contains?: string][],
];

const R = "FieldValueRequired";
const I = "FieldValueInvalid";
const F = "FieldValueForbidden";
const N = "FieldValueNotSupported";
const D = "FieldValueDuplicate";
const T = "FieldValueTooMany";

const ROWS: Row[] = [
  // §1 metadata and names
  [
    "M1 name must be a DNS subdomain",
    (c) => (c.metadata.name = "Downloadrequests.velero.io"),
    [
      ["metadata.name", I, "RFC 1123 subdomain"],
      ["metadata.name", I, "must be spec.names.plural"],
    ],
  ],
  [
    "M2 name must be plural.group",
    (c) => (c.metadata.name = "wrong.velero.io"),
    [["metadata.name", I, 'must be spec.names.plural+"."+spec.group']],
  ],
  [
    "M3 label keys are qualified names",
    (c) => (c.metadata.labels = { "bad key": "x" }),
    [["metadata.labels", I, "name part must consist of"]],
  ],
  [
    "M4 protected groups need approval",
    (c) => {
      c.spec.group = "downloads.k8s.io";
      c.metadata.name = "downloadrequests.downloads.k8s.io";
    },
    [
      [
        "metadata.annotations[api-approved.kubernetes.io]",
        R,
        "protected groups must have approval annotation",
      ],
    ],
  ],
  [
    "M4 approval must be a URL or unapproved...",
    (c) => {
      c.spec.group = "downloads.k8s.io";
      c.metadata.name = "downloadrequests.downloads.k8s.io";
      c.metadata.annotations = { "api-approved.kubernetes.io": "yes please" };
    },
    [
      [
        "metadata.annotations[api-approved.kubernetes.io]",
        I,
        'with either a URL or a reason starting with "unapproved"',
      ],
    ],
  ],
  // §2 group, scope, names
  [
    "S1 group is required",
    (c) => (c.spec.group = ""),
    [
      ["spec.group", R],
      ["metadata.name", I, "must be spec.names.plural"],
    ],
  ],
  [
    "S2 group must be a DNS subdomain",
    (c) => {
      c.spec.group = "velero_io.dev";
      c.metadata.name = "downloadrequests.velero_io.dev";
    },
    [
      ["spec.group", I, "RFC 1123 subdomain"],
      ["metadata.name", I, "RFC 1123 subdomain"],
    ],
  ],
  [
    "S3 group needs a dot",
    (c) => {
      c.spec.group = "velero";
      c.metadata.name = "downloadrequests.velero";
    },
    [["spec.group", I, "should be a domain with at least one dot"]],
  ],
  [
    "S4 scope must be Cluster or Namespaced",
    (c) => (c.spec.scope = "Global"),
    [["spec.scope", N, 'supported values: "Cluster", "Namespaced"']],
  ],
  ["S4 scope is required", (c) => (c.spec.scope = ""), [["spec.scope", R]]],
  ["S5 kind is required", (c) => (c.spec.names.kind = ""), [["spec.names.kind", R]]],
  [
    "S6 short names are DNS-1035 labels",
    (c) => (c.spec.names.shortNames = ["dr", "D_R"]),
    [["spec.names.shortNames[1]", I, "DNS-1035 label"]],
  ],
  [
    "S6 categories are DNS-1035 labels",
    (c) => (c.spec.names.categories = ["9lives"]),
    [["spec.names.categories[0]", I, "DNS-1035 label"]],
  ],
  [
    "S7 kind, lower-cased, is a DNS-1035 label",
    (c) => (c.spec.names.kind = "Download_Request"),
    [["spec.names.kind", I, "may have mixed case, but should otherwise match"]],
  ],
  [
    "S8 kind and listKind differ",
    (c) => (c.spec.names.listKind = "DownloadRequest"),
    [["spec.names.listKind", I, "kind and listKind may not be the same"]],
  ],
  // §3 versions
  [
    "V1 version names are DNS-1035 labels",
    (c) => (c.spec.versions[0]!.name = "V1"),
    [
      ["spec.versions[0].name", I, "DNS-1035"],
      ["spec.version", I, "DNS-1035"],
    ],
  ],
  [
    "V2 version names are unique",
    (c) => addVersion(c, "v1", false),
    [["spec.versions", I, "must contain unique version names"]],
  ],
  [
    "V3 exactly one storage version (none)",
    (c) => (c.spec.versions[0]!.storage = false),
    [
      ["spec.versions", I, "must have exactly one version marked as storage version"],
      ["status.storedVersions", I, "must have at least one stored version"],
    ],
  ],
  [
    "V3 exactly one storage version (two)",
    (c) => addVersion(c, "v2", true),
    [
      ["spec.versions", I, "must have exactly one version marked as storage version"],
      ["status.storedVersions", I, "must have the storage version v2"],
    ],
  ],
  [
    "V5 deprecationWarning needs deprecated",
    (c) => (c.spec.versions[0]!.deprecationWarning = "old"),
    [["spec.versions[0].deprecationWarning", I, "can only be set for deprecated versions"]],
  ],
  [
    "V5 deprecationWarning at most 256 characters",
    (c) => Object.assign(c.spec.versions[0]!, { deprecated: true, deprecationWarning: "x".repeat(257) }),
    [["spec.versions[0].deprecationWarning", I, "must be <= 256 characters long"]],
  ],
  [
    "V5 deprecationWarning printable",
    (c) => Object.assign(c.spec.versions[0]!, { deprecated: true, deprecationWarning: "tab\there" }),
    [["spec.versions[0].deprecationWarning", I, "non-printable character found at index 3"]],
  ],
  [
    "V6 every version needs a schema",
    (c) => delete c.spec.versions[0]!.schema,
    [["spec.versions[0].schema.openAPIV3Schema", R]],
  ],
  // §4 preserveUnknownFields and conversion
  [
    "P1 preserveUnknownFields true",
    (c) => (c.spec.preserveUnknownFields = true),
    [["spec.preserveUnknownFields", I, "cannot set to true"]],
  ],
  [
    "C1 strategy None or Webhook",
    (c) => (c.spec.conversion = { strategy: "Magic" }),
    [["spec.conversion.strategy", N, 'supported values: "None", "Webhook"']],
  ],
  [
    "C2 Webhook needs a client config",
    (c) => (c.spec.conversion = { strategy: "Webhook" }),
    [
      ["spec.conversion.webhookClientConfig", R, "required when strategy is set to Webhook"],
      ["spec.conversion.conversionReviewVersions", R],
    ],
  ],
  [
    "C3 exactly one of url and service",
    (c) => webhook(c, { url: "https://x.example/c", service: { name: "s", namespace: "ns" } }),
    [["spec.conversion.webhookClientConfig", R, "exactly one of url or service is required"]],
  ],
  [
    "C4 url must be https",
    (c) => webhook(c, { url: "http://x.example/c" }),
    [["spec.conversion.webhookClientConfig.url", I, "'https' is the only allowed URL scheme"]],
  ],
  [
    "C4 url has no user info",
    (c) => webhook(c, { url: "https://me@x.example/c" }),
    [["spec.conversion.webhookClientConfig.url", I, "user information is not permitted"]],
  ],
  [
    "C4 url has no fragment",
    (c) => webhook(c, { url: "https://x.example/c#f" }),
    [["spec.conversion.webhookClientConfig.url", I, "fragments are not permitted"]],
  ],
  [
    "C4 url has no query",
    (c) => webhook(c, { url: "https://x.example/c?a=b" }),
    [["spec.conversion.webhookClientConfig.url", I, "query parameters are not permitted"]],
  ],
  [
    "C5 service name required",
    (c) => webhook(c, { service: { name: "", namespace: "ns" } }),
    [["spec.conversion.webhookClientConfig.service.name", R, "service name is required"]],
  ],
  [
    "C5 service port in range",
    (c) => webhook(c, { service: { name: "s", namespace: "ns", port: 70000 } }),
    [["spec.conversion.webhookClientConfig.service.port", I, "must be between 1 and 65535"]],
  ],
  [
    "C5 service path starts with /",
    (c) => webhook(c, { service: { name: "s", namespace: "ns", path: "convert" } }),
    [["spec.conversion.webhookClientConfig.service.path", I, "must start with a '/'"]],
  ],
  [
    "C6 a recognized review version",
    (c) => webhook(c, { url: "https://x.example/c" }, ["v2"]),
    [["spec.conversion.conversionReviewVersions", I, "must include at least one of v1, v1beta1"]],
  ],
  [
    "C6 no duplicate review versions",
    (c) => webhook(c, { url: "https://x.example/c" }, ["v1", "v1"]),
    [["spec.conversion.conversionReviewVersions[1]", I, "duplicate version"]],
  ],
  [
    "C7 no webhook config with strategy None",
    (c) =>
      (c.spec.conversion = {
        strategy: "None",
        webhook: { clientConfig: { url: "https://x.example/c" }, conversionReviewVersions: [] },
      }),
    [["spec.conversion.webhookClientConfig", F, "should not be set when strategy is not set to Webhook"]],
  ],
  // §5 subresources
  [
    "R1 specReplicasPath required",
    (c) =>
      (c.spec.versions[0]!.subresources = {
        scale: { specReplicasPath: "", statusReplicasPath: ".status.replicas" },
      }),
    [["spec.subresources.scale.specReplicasPath", R]],
  ],
  [
    "R2 specReplicasPath under .spec",
    (c) =>
      (c.spec.versions[0]!.subresources = {
        scale: { specReplicasPath: ".status.x", statusReplicasPath: ".status.replicas" },
      }),
    [["spec.subresources.scale.specReplicasPath", I, "should be a json path under .spec"]],
  ],
  [
    "R2 specReplicasPath starts with a dot",
    (c) =>
      (c.spec.versions[0]!.subresources = {
        scale: { specReplicasPath: "spec.x", statusReplicasPath: ".status.replicas" },
      }),
    [["spec.subresources.scale.specReplicasPath", I, "must be a simple json path starting with ."]],
  ],
  [
    "R3 statusReplicasPath under .status",
    (c) =>
      (c.spec.versions[0]!.subresources = {
        scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".spec.x" },
      }),
    [["spec.subresources.scale.statusReplicasPath", I, "should be a json path under .status"]],
  ],
  [
    "R4 labelSelectorPath under .spec or .status",
    (c) =>
      (c.spec.versions[0]!.subresources = {
        scale: {
          specReplicasPath: ".spec.replicas",
          statusReplicasPath: ".status.replicas",
          labelSelectorPath: ".metadata.labels",
        },
      }),
    [["spec.subresources.scale.labelSelectorPath", I, "should be a json path under either .spec or .status"]],
  ],
  [
    "R5 status subresource restricts root fields",
    (c) => {
      c.spec.versions[0]!.subresources = { status: {} };
      root(c).anyOf = [{ required: ["spec"] }];
    },
    [[S, I, "fields are allowed at the root of the schema if the status subresource is enabled"]],
  ],
  [
    "R6 status subresource needs an object root",
    (c) => {
      c.spec.versions[0]!.subresources = { status: {} };
      root(c).type = "string";
    },
    [
      [`${S}.type`, I, 'only "object" is allowed as the type at the root'],
      [`${S}.type`, I, "must be object at the root"],
    ],
  ],
  // §6 printer columns
  [
    "A1 column name required",
    (c) =>
      (c.spec.versions[0]!.additionalPrinterColumns = [
        { name: "", type: "string", jsonPath: ".spec.target.kind" },
      ]),
    [["spec.additionalPrinterColumns[0].name", R]],
  ],
  [
    "A2 column type from the list",
    (c) =>
      (c.spec.versions[0]!.additionalPrinterColumns = [
        { name: "Kind", type: "int", jsonPath: ".spec.target.kind" },
      ]),
    [["spec.additionalPrinterColumns[0].type", I, "must be one of boolean,date,integer,number,string"]],
  ],
  [
    "A3 column format from the list",
    (c) =>
      (c.spec.versions[0]!.additionalPrinterColumns = [
        { name: "Kind", type: "string", format: "uuid", jsonPath: ".spec.target.kind" },
      ]),
    [
      [
        "spec.additionalPrinterColumns[0].format",
        I,
        "must be one of byte,date,date-time,double,float,int32,int64,password",
      ],
    ],
  ],
  [
    "A4 column jsonPath starts with a dot",
    (c) =>
      (c.spec.versions[0]!.additionalPrinterColumns = [
        { name: "Kind", type: "string", jsonPath: "spec.target.kind" },
      ]),
    [["spec.additionalPrinterColumns[0].JSONPath", I, "must be a simple json path starting with ."]],
  ],
  // §7 selectable fields
  [
    "F1 jsonPath required",
    (c) => (c.spec.versions[0]!.selectableFields = [{ jsonPath: "" }]),
    [["spec.selectableFields[0].jsonPath", R]],
  ],
  [
    "F2 jsonPath resolves in the schema",
    (c) => (c.spec.versions[0]!.selectableFields = [{ jsonPath: ".spec.nope" }]),
    [["spec.selectableFields[0].jsonPath", I, "is an invalid path: does not refer to a valid field"]],
  ],
  [
    "F3 not under metadata",
    (c) => {
      root(c).properties!["metadata"] = { type: "object", properties: { name: { type: "string" } } };
      c.spec.versions[0]!.selectableFields = [{ jsonPath: ".metadata.name" }];
    },
    [["spec.selectableFields[0].jsonPath", I, "must not point to fields in metadata"]],
  ],
  [
    "F4 scalar targets only",
    (c) => (c.spec.versions[0]!.selectableFields = [{ jsonPath: ".spec.target" }]),
    [["spec.selectableFields[0].jsonPath", I, "must point to a field of type string, boolean or integer"]],
  ],
  [
    "F5 no duplicates",
    (c) =>
      (c.spec.versions[0]!.selectableFields = [
        { jsonPath: ".spec.target.name" },
        { jsonPath: ".spec.target.name" },
      ]),
    [["spec.selectableFields[1].jsonPath", D]],
  ],
  [
    "F6 at most 8",
    (c) => {
      for (let i = 0; i < 9; i++) addSpecProp(c, `f${i}`, { type: "string" });
      c.spec.versions[0]!.selectableFields = Array.from({ length: 9 }, (_, i) => ({
        jsonPath: `.spec.f${i}`,
      }));
    },
    [["spec.selectableFields", T, "must have at most 8 items"]],
  ],
  // §8 the generic schema walk
  [
    "G1 root not nullable",
    (c) => (root(c).nullable = true),
    [[`${S}.nullable`, F, "nullable cannot be true at the root"]],
  ],
  [
    "G2 type from the OpenAPI list",
    (c) => (name(c).type = "str"),
    [[`${NAME}.type`, N, '"array", "boolean", "integer", "number", "object", "string"']],
  ],
  [
    "G3 type null",
    (c) => (name(c).type = "null"),
    [
      [`${NAME}.type`, F, "use nullable as an alternative"],
      [`${NAME}.type`, N],
    ],
  ],
  [
    "G4 uniqueItems true",
    (c) => (
      (root(c).required = ["spec"]),
      addSpecProp(c, "tags", { type: "array", items: { type: "string" }, uniqueItems: true })
    ),
    [[`${SPEC}.properties[tags].uniqueItems`, F, "runtime complexity becomes quadratic"]],
  ],
  [
    "G5 additionalProperties with properties",
    (c) => (target(c).additionalProperties = false),
    [[`${TARGET}.additionalProperties`, F, "additionalProperties and properties are mutual exclusive"]],
  ],
  ["G6 id", (c) => (name(c).id = "x"), [[`${NAME}.id`, F, "id is not supported"]]],
  [
    "G7 additionalItems",
    (c) => addSpecProp(c, "tags", { type: "array", items: { type: "string" }, additionalItems: false }),
    [[`${SPEC}.properties[tags].additionalItems`, F, "additionalItems is not supported"]],
  ],
  [
    "G8 patternProperties",
    (c) => (target(c).patternProperties = { "^x": { type: "string" } }),
    [[`${TARGET}.patternProperties`, F, "patternProperties is not supported"]],
  ],
  [
    "G9 definitions",
    (c) => (root(c).definitions = { d: { type: "string" } }),
    [[`${S}.definitions`, F, "definitions is not supported"]],
  ],
  [
    "G10 dependencies",
    (c) => (target(c).dependencies = { kind: ["name"] }),
    [[`${TARGET}.dependencies`, F, "dependencies is not supported"]],
  ],
  ["G11 $ref", (c) => (name(c).$ref = "#/definitions/x"), [[`${NAME}.$ref`, F, "$ref is not supported"]]],
  [
    "G12 items as an array",
    (c) => addSpecProp(c, "tags", { type: "array", items: [{ type: "string" }] }),
    [[`${SPEC}.properties[tags].items`, F, "items must be a schema object and not an array"]],
  ],
  [
    "G13 no default in top-level metadata",
    (c) => (root(c).properties!["metadata"]!.default = {}),
    [[`${S}.properties[metadata].default`, F, "must not be set in top-level metadata"]],
  ],
  [
    "G13 no default in top-level apiVersion",
    (c) => (root(c).properties!["apiVersion"]!.default = "v1"),
    [[`${S}.properties[apiVersion].default`, F, "must not be set in top-level apiVersion"]],
  ],
  [
    "G14 no embedded resource inside resource meta",
    (c) => addSpecProp(c, "template", embedded({ properties: { metadata: embedded() } })),
    [
      [
        `${SPEC}.properties[template].properties[metadata].x-kubernetes-embedded-resource`,
        F,
        "must not be used inside of resource meta",
      ],
    ],
  ],
  [
    "G15 preserve-unknown-fields false",
    (c) => (target(c)["x-kubernetes-preserve-unknown-fields"] = false),
    [[`${TARGET}.x-kubernetes-preserve-unknown-fields`, I, "must be true or undefined"]],
  ],
  [
    "G16 map-type needs an object",
    (c) => (name(c)["x-kubernetes-map-type"] = "atomic"),
    [[`${NAME}.type`, I, "must be object if x-kubernetes-map-type is specified"]],
  ],
  [
    "G17 map-type atomic or granular",
    (c) => (target(c)["x-kubernetes-map-type"] = "sparse"),
    [[`${TARGET}.x-kubernetes-map-type`, N, '"atomic", "granular"']],
  ],
  [
    "G18 list-type needs an array",
    (c) => (target(c)["x-kubernetes-list-type"] = "atomic"),
    [[`${TARGET}.type`, I, "must be array if x-kubernetes-list-type is specified"]],
  ],
  [
    "G19 list-type atomic, set or map",
    (c) =>
      addSpecProp(c, "tags", { type: "array", items: { type: "string" }, "x-kubernetes-list-type": "bag" }),
    [[`${SPEC}.properties[tags].x-kubernetes-list-type`, N, '"atomic", "set", "map"']],
  ],
  [
    "G20 set items are atomic",
    (c) =>
      addSpecProp(c, "tags", {
        type: "array",
        "x-kubernetes-list-type": "set",
        items: { type: "object", properties: { a: { type: "string" } } },
      }),
    [
      [
        `${SPEC}.properties[tags].items.x-kubernetes-map-type`,
        I,
        "must be atomic as item of a list with x-kubernetes-list-type=set",
      ],
    ],
  ],
  [
    "G21 list-map-keys need list-type map",
    (c) =>
      addSpecProp(c, "tags", {
        type: "array",
        "x-kubernetes-list-type": "set",
        "x-kubernetes-list-map-keys": ["a"],
        items: { type: "string" },
      }),
    [
      [
        `${SPEC}.properties[tags].x-kubernetes-list-type`,
        I,
        "must be map if x-kubernetes-list-map-keys is non-empty",
      ],
    ],
  ],
  [
    "G22 list-type map needs keys",
    (c) => addSpecProp(c, "tags", mapList([], { type: "object", properties: { a: { type: "string" } } })),
    [
      [
        `${SPEC}.properties[tags].x-kubernetes-list-map-keys`,
        R,
        "must not be empty if x-kubernetes-list-type is map",
      ],
    ],
  ],
  [
    "G24 list-type map needs a single items schema",
    (c) =>
      addSpecProp(c, "tags", {
        type: "array",
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": ["a"],
        items: [{ type: "object" }],
      }),
    [
      [
        `${SPEC}.properties[tags].items`,
        I,
        "must only have a single schema if x-kubernetes-list-type is map",
      ],
      [`${SPEC}.properties[tags].items`, F, "not an array"],
    ],
  ],
  [
    "G25 list-map items are objects",
    (c) => addSpecProp(c, "tags", mapList(["a"], { type: "string" })),
    [
      [
        `${SPEC}.properties[tags].items.type`,
        I,
        "must be object if parent array's x-kubernetes-list-type is map",
      ],
    ],
  ],
  [
    "G26 keys are item properties",
    (c) =>
      addSpecProp(
        c,
        "tags",
        mapList(["b"], { type: "object", required: ["a"], properties: { a: { type: "string" } } }),
      ),
    [
      [
        `${SPEC}.properties[tags].x-kubernetes-list-map-keys`,
        I,
        "entries must all be names of item properties",
      ],
    ],
  ],
  [
    "G27 keys are scalars",
    (c) =>
      addSpecProp(
        c,
        "tags",
        mapList(["a"], { type: "object", required: ["a"], properties: { a: { type: "object" } } }),
      ),
    [
      [
        `${SPEC}.properties[tags].items.properties[a].type`,
        I,
        "must be a scalar type if parent array's x-kubernetes-list-type is map",
      ],
    ],
  ],
  [
    "G28 no duplicate keys",
    (c) =>
      addSpecProp(
        c,
        "tags",
        mapList(["a", "a"], { type: "object", required: ["a"], properties: { a: { type: "string" } } }),
      ),
    [[`${SPEC}.properties[tags].x-kubernetes-list-map-keys`, I, "must not contain duplicate entries"]],
  ],
  [
    "G29 map items not nullable",
    (c) =>
      addSpecProp(
        c,
        "tags",
        mapList(["a"], {
          type: "object",
          nullable: true,
          required: ["a"],
          properties: { a: { type: "string" } },
        }),
      ),
    [[`${SPEC}.properties[tags].items.nullable`, F, "cannot be nullable when x-kubernetes-list-type is map"]],
  ],
  [
    "G30 keys required or defaulted",
    (c) => addSpecProp(c, "tags", mapList(["a"], { type: "object", properties: { a: { type: "string" } } })),
    [
      [
        `${SPEC}.properties[tags].items.properties[a].default`,
        R,
        "must have a default or be a required property",
      ],
    ],
  ],
  [
    "G31 keys not nullable",
    (c) =>
      addSpecProp(
        c,
        "tags",
        mapList(["a"], {
          type: "object",
          required: ["a"],
          properties: { a: { type: "string", nullable: true } },
        }),
      ),
    [[`${SPEC}.properties[tags].items.properties[a].nullable`, F, "so it cannot be nullable"]],
  ],
  [
    "G32 pattern is RE2",
    (c) => (name(c).pattern = "^(?!x)"),
    [[`${NAME}.pattern`, I, "invalid or unsupported Perl syntax"]],
  ],
  // §9 structural invariants
  ["T1 root type required", (c) => delete root(c).type, [[`${S}.type`, R, "must not be empty at the root"]]],
  ["T2 root type object", (c) => (root(c).type = "string"), [[`${S}.type`, I, "must be object at the root"]]],
  [
    "T3 property types required",
    (c) => delete name(c).type,
    [[`${NAME}.type`, R, "must not be empty for specified object fields"]],
  ],
  [
    "T4 items types required",
    (c) => addSpecProp(c, "tags", { type: "array", items: {} }),
    [[`${SPEC}.properties[tags].items.type`, R, "must not be empty for specified array items"]],
  ],
  [
    "T5 arrays need items",
    (c) => addSpecProp(c, "tags", { type: "array" }),
    [[`${SPEC}.properties[tags].items`, R, "must be specified"]],
  ],
  [
    "T6 no additionalProperties at the root",
    (c) => (root(c).additionalProperties = true),
    [[`${S}.additionalProperties`, F, "must not be used at the root"]],
  ],
  [
    "T7 int-or-string without preserve-unknown-fields",
    (c) =>
      addSpecProp(c, "port", {
        "x-kubernetes-int-or-string": true,
        "x-kubernetes-preserve-unknown-fields": true,
      }),
    [
      [
        `${SPEC}.properties[port].x-kubernetes-preserve-unknown-fields`,
        I,
        "must be false if x-kubernetes-int-or-string is true",
      ],
    ],
  ],
  [
    "T9 embedded resources are objects",
    (c) => addSpecProp(c, "template", embedded({ type: "string" })),
    [[`${SPEC}.properties[template].type`, I, "must be object if x-kubernetes-embedded-resource is true"]],
  ],
  [
    "T10 embedded resources need properties or preserve-unknown-fields",
    (c) => addSpecProp(c, "template", { type: "object", "x-kubernetes-embedded-resource": true }),
    [
      [
        `${SPEC}.properties[template].properties`,
        R,
        "must not be empty if x-kubernetes-embedded-resource is true",
      ],
    ],
  ],
  [
    "T11 no additionalProperties on embedded resources",
    (c) => addSpecProp(c, "template", embedded({ additionalProperties: { type: "string" } })),
    [
      [
        `${SPEC}.properties[template].additionalProperties`,
        F,
        "must not be used if x-kubernetes-embedded-resource is set",
      ],
    ],
  ],
  [
    "T12 kind is a string",
    (c) => (root(c).properties!["kind"]!.type = "integer"),
    [[`${S}.properties[kind].type`, I, "must be string"]],
  ],
  [
    "T13 metadata is an object",
    (c) => (root(c).properties!["metadata"]!.type = "string"),
    [[`${S}.properties[metadata].type`, I, "must be object"]],
  ],
  [
    "T14 root metadata: name and generateName only",
    (c) => (root(c).properties!["metadata"]!.properties = { labels: { type: "object" } }),
    [[`${S}.properties[metadata]`, F, "must not specify anything other than name and generateName"]],
  ],
  [
    "T15 no type in value validations",
    (c) => (name(c).anyOf = [{ type: "string" }]),
    [[`${NAME}.anyOf[0].type`, F, "must be empty to be structural"]],
  ],
  [
    "T15 no nullable in value validations",
    (c) => (name(c).allOf = [{ nullable: true }]),
    [[`${NAME}.allOf[0].nullable`, F, "must be false to be structural"]],
  ],
  [
    "T15 no description in value validations",
    (c) => (name(c).not = { description: "d" }),
    [[`${NAME}.not.description`, F, "must be empty to be structural"]],
  ],
  [
    "T16 int-or-string anyOf is allowed",
    (c) =>
      addSpecProp(c, "port", {
        "x-kubernetes-int-or-string": true,
        anyOf: [{ type: "integer" }, { type: "string" }],
      }),
    [],
  ],
  [
    "T17 no metadata in nested value validations",
    (c) => (spec(c).anyOf = [{ properties: { metadata: { minProperties: 1 } } }]),
    [[`${SPEC}.anyOf[0].properties[metadata]`, F, "must not be specified in a nested context"]],
  ],
  [
    "T18 root value validations only name known fields",
    (c) => (root(c).anyOf = [{ properties: { spec: { properties: { zzz: { minLength: 1 } } } } }]),
    [
      [
        `${SPEC}.properties[zzz]`,
        R,
        `because it is defined in ${S}.anyOf[0].properties[spec].properties[zzz]`,
      ],
    ],
  ],
  [
    "T19 no x-kubernetes-validations in allOf",
    (c) => (name(c).allOf = [{ "x-kubernetes-validations": [{ rule: "self != ''" }] }]),
    [[`${NAME}.allOf[0].x-kubernetes-validations`, F, "must be empty to be structural"]],
  ],
  // §10 defaults
  [
    "D1 a default matches its type",
    (c) => (name(c).default = 5),
    [[`${NAME}.default`, I, ' in body must be of type string: "integer"']],
  ],
  [
    "D1 a default matches the enum",
    (c) => (target(c).properties!["kind"]!.default = "Nothing"),
    [[`${TARGET}.properties[kind].default`, N, '"BackupLog"']],
  ],
  [
    "D2 defaults are pruned",
    (c) => (target(c).default = { kind: "BackupLog", name: "x", extra: 1 }),
    [[`${TARGET}.default`, I, "must not have unknown fields"]],
  ],
  [
    "D3 embedded defaults carry valid metadata",
    (c) =>
      addSpecProp(
        c,
        "template",
        embedded({ default: { apiVersion: "v1", kind: "Pod", metadata: { name: "a%b" } } }),
      ),
    [[`${SPEC}.properties[template].default.metadata.name`, I, "may not contain '%'"]],
  ],
  [
    "D4 no defaults in value validations",
    (c) => (name(c).anyOf = [{ default: "x" }]),
    [[`${NAME}.anyOf[0].default`, F, "must be undefined to be structural"]],
  ],
  [
    "D6 set defaults are unique",
    (c) =>
      addSpecProp(c, "tags", {
        type: "array",
        "x-kubernetes-list-type": "set",
        items: { type: "string" },
        default: ["a", "a"],
      }),
    [[`${SPEC}.properties[tags].default[1]`, D]],
  ],
  // §11 the static x-kubernetes-validations rules
  [
    "X1 rule required",
    (c) => (name(c)["x-kubernetes-validations"] = [{ rule: " " }]),
    [[`${NAME}.x-kubernetes-validations[0].rule`, R, "rule is not specified"]],
  ],
  [
    "X2 message not blank",
    (c) => (name(c)["x-kubernetes-validations"] = [{ rule: "self != ''", message: " " }]),
    [[`${NAME}.x-kubernetes-validations[0].message`, I, "must be non-empty if specified"]],
  ],
  [
    "X3 message on one line",
    (c) => (name(c)["x-kubernetes-validations"] = [{ rule: "self != ''", message: "a\nb" }]),
    [[`${NAME}.x-kubernetes-validations[0].message`, I, "must not contain line breaks"]],
  ],
  [
    "X4 multi-line rules need a message",
    (c) => (name(c)["x-kubernetes-validations"] = [{ rule: "self != ''\n&& self != 'x'" }]),
    [
      [
        `${NAME}.x-kubernetes-validations[0].message`,
        R,
        "message must be specified if rule contains line breaks",
      ],
    ],
  ],
  [
    "X5 messageExpression not blank",
    (c) => (name(c)["x-kubernetes-validations"] = [{ rule: "self != ''", messageExpression: " " }]),
    [
      [
        `${NAME}.x-kubernetes-validations[0].messageExpression`,
        R,
        "messageExpression must be non-empty if specified",
      ],
    ],
  ],
  [
    "X6 reason from the list",
    (c) => (name(c)["x-kubernetes-validations"] = [{ rule: "self != ''", reason: "FieldValueBad" }]),
    [[`${NAME}.x-kubernetes-validations[0].reason`, N, '"FieldValueDuplicate"']],
  ],
  [
    "X7 fieldPath resolves",
    (c) => (target(c)["x-kubernetes-validations"] = [{ rule: "true", fieldPath: ".nope" }]),
    [[`${TARGET}.x-kubernetes-validations[0].fieldPath`, I, "must be a valid path"]],
  ],
];

describe("one broken rule at a time (base: velero DownloadRequest)", () => {
  it("the base CRD is valid", () => expect(validateCrd(BASE)).toEqual([]));
  it.each(ROWS)("%s", (_rule, mutate, expected) => {
    const crd = jsonClone(BASE);
    mutate(crd);
    const expectations: Expectation[] = expected.map(([path, type, contains]) => ({
      path,
      type,
      ...(contains ? { contains } : {}),
    }));
    expect(mismatches(expectations, validateCrd(crd))).toEqual([]);
  });
});
