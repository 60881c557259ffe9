/**
 * apiextensions.k8s.io/v1 CRD → internal form, the way the API server handles a create:
 * strict decode, v1 defaulting, v1 → internal conversion (with hoisting of identical
 * per-version fields) and the registry's PrepareForCreate (status reset).
 */
import { OBJECT_META_FIELDS } from "../object-meta.js";
import type { FieldError } from "../field-error.js";
import { child, index, notSupported } from "../errors.js";
import { jsonEqual } from "../json.js";
import { emptyObjectMeta, type ObjectMetaModel } from "../object-meta.js";
import type { ValidationMemo } from "../memo.js";
import {
  emptyNames,
  type InternalColumn,
  type InternalConversion,
  type InternalCrd,
  type InternalNames,
  type InternalSelectableField,
  type InternalSpec,
  type InternalSubresources,
  type InternalValidation,
  type InternalVersion,
} from "../model.js";
import { Decoder } from "./decoder.js";
import { decodeSchema } from "./schema.js";

const ROOT_FIELDS = new Set(["apiVersion", "kind", "metadata", "spec", "status"]);
export const SPEC_FIELDS = new Set([
  "group",
  "names",
  "scope",
  "versions",
  "conversion",
  "preserveUnknownFields",
]);
export const NAMES_FIELDS = new Set(["plural", "singular", "shortNames", "kind", "listKind", "categories"]);
export const VERSION_FIELDS = new Set([
  "name",
  "served",
  "storage",
  "deprecated",
  "deprecationWarning",
  "schema",
  "subresources",
  "additionalPrinterColumns",
  "selectableFields",
]);
export const VALIDATION_FIELDS = new Set(["openAPIV3Schema"]);
const SUBRESOURCES_FIELDS = new Set(["status", "scale"]);
const SCALE_FIELDS = new Set(["specReplicasPath", "statusReplicasPath", "labelSelectorPath"]);
const COLUMN_FIELDS = new Set(["name", "type", "format", "description", "priority", "jsonPath"]);
const SELECTABLE_FIELDS = new Set(["jsonPath"]);
const CONVERSION_FIELDS = new Set(["strategy", "webhook"]);
const WEBHOOK_FIELDS = new Set(["clientConfig", "conversionReviewVersions"]);
const CLIENT_CONFIG_FIELDS = new Set(["url", "service", "caBundle"]);
const SERVICE_FIELDS = new Set(["namespace", "name", "path", "port"]);
const STATUS_FIELDS = new Set(["conditions", "acceptedNames", "storedVersions"]);

export interface DecodedCrd {
  crd: InternalCrd;
  /** Decode problems (unknown fields, wrong JSON types, wrong apiVersion/kind). */
  errors: FieldError[];
}

export const CRD_API_VERSION = "apiextensions.k8s.io/v1";

/**
 * Decodes, defaults, converts and prepares `value` for create-time validation. `memo`: a
 * session's schema subtrees already decoded (validate/memo.ts).
 */
export function decodeCrdForCreate(value: unknown, memo?: ValidationMemo): DecodedCrd {
  const dec = new Decoder(memo?.decoded);
  const root = dec.object(value, "", "v1.CustomResourceDefinition", ROOT_FIELDS) ?? {};
  const apiVersion = root["apiVersion"];
  if (apiVersion !== CRD_API_VERSION)
    dec.errors.push(notSupported("apiVersion", apiVersion ?? "", [CRD_API_VERSION]));
  if (root["kind"] !== "CustomResourceDefinition") {
    dec.errors.push(notSupported("kind", root["kind"] ?? "", ["CustomResourceDefinition"]));
  }
  const metadata = decodeMeta(root["metadata"], dec);
  const specObj = dec.object(root["spec"], "spec", "v1.CustomResourceDefinitionSpec", SPEC_FIELDS) ?? {};
  // Status is decoded for strictness only: PrepareForCreate discards it.
  const statusObj = dec.object(root["status"], "status", "v1.CustomResourceDefinitionStatus", STATUS_FIELDS);
  if (statusObj) {
    decodeNames(statusObj["acceptedNames"], "status.acceptedNames", dec);
    dec.stringArray(statusObj, "storedVersions", "status");
  }

  const names = decodeNames(specObj["names"], "spec.names", dec);
  // v1 defaulting (SetDefaults_CustomResourceDefinitionSpec).
  if (!names.singular) names.singular = names.kind.toLowerCase();
  if (!names.listKind && names.kind) names.listKind = names.kind + "List";

  const versions = (dec.array(specObj, "versions", "spec", "[]v1.CustomResourceDefinitionVersion") ?? []).map(
    (v, i) => decodeVersion(v, index("spec.versions", i), dec),
  );
  const conversion = decodeConversion(specObj["conversion"], dec);
  const spec: InternalSpec = {
    group: dec.string(specObj, "group", "spec") ?? "",
    version: versions[0]?.name ?? "",
    names,
    scope: dec.string(specObj, "scope", "spec") ?? "",
    versions,
    additionalPrinterColumns: [],
    selectableFields: [],
    conversion,
    preserveUnknownFields: dec.bool(specObj, "preserveUnknownFields", "spec") ?? false,
  };
  hoistIdenticalPerVersionFields(spec);

  // PrepareForCreate: status is reset; storedVersions holds the (first) storage version.
  const storage = versions.find((v) => v.storage);
  const crd: InternalCrd = {
    metadata,
    spec,
    status: { acceptedNames: emptyNames(), storedVersions: storage ? [storage.name] : null },
  };
  return { crd, errors: dec.errors };
}

function decodeMeta(value: unknown, dec: Decoder): ObjectMetaModel {
  const meta = emptyObjectMeta();
  const obj = dec.object(value, "metadata", "v1.ObjectMeta", OBJECT_META_FIELDS);
  if (!obj) return meta;
  for (const f of ["name", "generateName", "namespace", "uid", "resourceVersion", "selfLink"] as const) {
    meta[f] = dec.string(obj, f, "metadata") ?? "";
  }
  meta.creationTimestamp = dec.string(obj, "creationTimestamp", "metadata") ?? "";
  meta.generation = dec.int(obj, "generation", "metadata") ?? 0;
  meta.labels = dec.stringMap(obj, "labels", "metadata") ?? {};
  meta.annotations = dec.stringMap(obj, "annotations", "metadata") ?? {};
  meta.finalizers = dec.stringArray(obj, "finalizers", "metadata") ?? [];
  const refs = dec.array(obj, "ownerReferences", "metadata", "[]v1.OwnerReference") ?? [];
  meta.ownerReferences = refs.map((r, i) => {
    const p = index("metadata.ownerReferences", i);
    const o = dec.object(r, p, "v1.OwnerReference") ?? {};
    return {
      apiVersion: dec.string(o, "apiVersion", p) ?? "",
      kind: dec.string(o, "kind", p) ?? "",
      name: dec.string(o, "name", p) ?? "",
      uid: dec.string(o, "uid", p) ?? "",
      ...(o["controller"] === true ? { controller: true } : {}),
    };
  });
  return meta;
}

function decodeNames(value: unknown, path: string, dec: Decoder): InternalNames {
  const names = emptyNames();
  const obj = dec.object(value, path, "v1.CustomResourceDefinitionNames", NAMES_FIELDS);
  if (!obj) return names;
  names.plural = dec.string(obj, "plural", path) ?? "";
  names.singular = dec.string(obj, "singular", path) ?? "";
  names.kind = dec.string(obj, "kind", path) ?? "";
  names.listKind = dec.string(obj, "listKind", path) ?? "";
  names.shortNames = dec.stringArray(obj, "shortNames", path) ?? [];
  names.categories = dec.stringArray(obj, "categories", path) ?? [];
  return names;
}

function decodeVersion(value: unknown, path: string, dec: Decoder): InternalVersion {
  const obj = dec.object(value, path, "v1.CustomResourceDefinitionVersion", VERSION_FIELDS) ?? {};
  const version: InternalVersion = {
    name: dec.string(obj, "name", path) ?? "",
    served: dec.bool(obj, "served", path) ?? false,
    storage: dec.bool(obj, "storage", path) ?? false,
    deprecated: dec.bool(obj, "deprecated", path) ?? false,
    additionalPrinterColumns: decodeColumns(obj, path, dec),
    selectableFields: decodeSelectableFields(obj, path, dec),
  };
  const warning = dec.string(obj, "deprecationWarning", path);
  if (warning !== undefined) version.deprecationWarning = warning;
  const schema = decodeValidation(obj["schema"], child(path, "schema"), dec);
  if (schema) version.schema = schema;
  const subresources = decodeSubresources(obj["subresources"], child(path, "subresources"), dec);
  if (subresources) version.subresources = subresources;
  return version;
}

function decodeValidation(value: unknown, path: string, dec: Decoder): InternalValidation | undefined {
  const obj = dec.object(value, path, "v1.CustomResourceValidation", VALIDATION_FIELDS);
  if (!obj) return undefined;
  const schema = decodeSchema(obj["openAPIV3Schema"], child(path, "openAPIV3Schema"), dec);
  return schema ? { openAPIV3Schema: schema } : {};
}

function decodeSubresources(value: unknown, path: string, dec: Decoder): InternalSubresources | undefined {
  const obj = dec.object(value, path, "v1.CustomResourceSubresources", SUBRESOURCES_FIELDS);
  if (!obj) return undefined;
  const out: InternalSubresources = {};
  if (dec.object(obj["status"], child(path, "status"), "v1.CustomResourceSubresourceStatus", new Set()))
    out.status = {};
  const scalePath = child(path, "scale");
  const scale = dec.object(obj["scale"], scalePath, "v1.CustomResourceSubresourceScale", SCALE_FIELDS);
  if (scale) {
    out.scale = {
      specReplicasPath: dec.string(scale, "specReplicasPath", scalePath) ?? "",
      statusReplicasPath: dec.string(scale, "statusReplicasPath", scalePath) ?? "",
    };
    const selector = dec.string(scale, "labelSelectorPath", scalePath);
    if (selector !== undefined) out.scale.labelSelectorPath = selector;
  }
  return out;
}

function decodeColumns(obj: Record<string, unknown>, path: string, dec: Decoder): InternalColumn[] {
  const arr = dec.array(obj, "additionalPrinterColumns", path, "[]v1.CustomResourceColumnDefinition") ?? [];
  return arr.map((c, i) => {
    const p = index(child(path, "additionalPrinterColumns"), i);
    const o = dec.object(c, p, "v1.CustomResourceColumnDefinition", COLUMN_FIELDS) ?? {};
    return {
      name: dec.string(o, "name", p) ?? "",
      type: dec.string(o, "type", p) ?? "",
      format: dec.string(o, "format", p) ?? "",
      description: dec.string(o, "description", p) ?? "",
      priority: dec.int(o, "priority", p, 32) ?? 0,
      jsonPath: dec.string(o, "jsonPath", p) ?? "",
    };
  });
}

function decodeSelectableFields(
  obj: Record<string, unknown>,
  path: string,
  dec: Decoder,
): InternalSelectableField[] {
  const arr = dec.array(obj, "selectableFields", path, "[]v1.SelectableField") ?? [];
  return arr.map((f, i) => {
    const p = index(child(path, "selectableFields"), i);
    const o = dec.object(f, p, "v1.SelectableField", SELECTABLE_FIELDS) ?? {};
    return { jsonPath: dec.string(o, "jsonPath", p) ?? "" };
  });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeConversion(value: unknown, dec: Decoder): InternalConversion {
  const path = "spec.conversion";
  const obj = dec.object(value, path, "v1.CustomResourceConversion", CONVERSION_FIELDS);
  // v1 defaulting: a missing conversion is strategy None.
  if (!obj) return { strategy: "None", conversionReviewVersions: [] };
  const out: InternalConversion = {
    strategy: dec.string(obj, "strategy", path) ?? "",
    conversionReviewVersions: [],
  };
  const webhookPath = child(path, "webhook");
  const webhook = dec.object(obj["webhook"], webhookPath, "v1.WebhookConversion", WEBHOOK_FIELDS);
  if (!webhook) return out;
  out.conversionReviewVersions = dec.stringArray(webhook, "conversionReviewVersions", webhookPath) ?? [];
  const ccPath = child(webhookPath, "clientConfig");
  const cc = dec.object(webhook["clientConfig"], ccPath, "v1.WebhookClientConfig", CLIENT_CONFIG_FIELDS);
  if (!cc) return out;
  const caBundle = dec.string(cc, "caBundle", ccPath) ?? "";
  if (!BASE64.test(caBundle.replace(/[\r\n]/g, ""))) {
    dec.errors.push({
      type: "FieldValueInvalid",
      field: child(ccPath, "caBundle"),
      badValue: caBundle,
      detail: "illegal base64 data",
    });
  }
  out.webhookClientConfig = { caBundle };
  const url = dec.string(cc, "url", ccPath);
  if (url !== undefined) out.webhookClientConfig.url = url;
  const svcPath = child(ccPath, "service");
  const svc = dec.object(cc["service"], svcPath, "v1.ServiceReference", SERVICE_FIELDS);
  if (svc) {
    out.webhookClientConfig.service = {
      namespace: dec.string(svc, "namespace", svcPath) ?? "",
      name: dec.string(svc, "name", svcPath) ?? "",
      // v1 defaulting: port 443.
      port: dec.int(svc, "port", svcPath, 32) ?? 443,
    };
    const p = dec.string(svc, "path", svcPath);
    if (p !== undefined) out.webhookClientConfig.service.path = p;
  }
  return out;
}

/**
 * v1 → internal conversion: each per-version field that is deep-equal in every version
 * (including "absent everywhere") moves to the top level and is cleared per version.
 */
function hoistIdenticalPerVersionFields(spec: InternalSpec): void {
  const versions = spec.versions;
  const first = versions[0];
  if (!first) return;
  const same = (pick: (v: InternalVersion) => unknown) =>
    versions.every((v) => jsonEqual(pick(v), pick(first)));
  const emptyToUndefined = <T>(a: T[]) => (a.length === 0 ? undefined : a);
  if (same((v) => v.schema)) {
    if (first.schema) spec.validation = first.schema;
    for (const v of versions) delete v.schema;
  }
  if (same((v) => v.subresources)) {
    if (first.subresources) spec.subresources = first.subresources;
    for (const v of versions) delete v.subresources;
  }
  if (same((v) => emptyToUndefined(v.additionalPrinterColumns))) {
    spec.additionalPrinterColumns = first.additionalPrinterColumns;
    for (const v of versions) v.additionalPrinterColumns = [];
  }
  if (same((v) => emptyToUndefined(v.selectableFields))) {
    spec.selectableFields = first.selectableFields;
    for (const v of versions) v.selectableFields = [];
  }
}
