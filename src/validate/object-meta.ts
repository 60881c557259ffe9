/**
 * ObjectMeta as Kubernetes reads and checks it: Go-style JSON unmarshalling (for metadata
 * inside defaults and embedded resources) and apimachinery's `ValidateObjectMeta`.
 */
import type { FieldError } from "./field-error.js";
import { child, forbidden, index, invalid, required, tooLong } from "./errors.js";
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from "./dns.js";
import { isPlainObject, jsonKind, own, setOwn } from "./json.js";

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMetaModel {
  name: string;
  generateName: string;
  namespace: string;
  uid: string;
  resourceVersion: string;
  selfLink: string;
  generation: number;
  creationTimestamp: string;
  deletionTimestamp: string;
  deletionGracePeriodSeconds?: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  finalizers: string[];
  ownerReferences: OwnerReference[];
  managedFields?: unknown[];
}

export function emptyObjectMeta(): ObjectMetaModel {
  return {
    name: "",
    generateName: "",
    namespace: "",
    uid: "",
    resourceVersion: "",
    selfLink: "",
    generation: 0,
    creationTimestamp: "",
    deletionTimestamp: "",
    labels: {},
    annotations: {},
    finalizers: [],
    ownerReferences: [],
  };
}

type GoType =
  "string" | "int64" | "bool" | "map[string]string" | "[]string" | "time" | "ownerReferences" | "array";

const OBJECT_META_FIELD_TYPES: Record<string, GoType> = {
  name: "string",
  generateName: "string",
  namespace: "string",
  selfLink: "string",
  uid: "string",
  resourceVersion: "string",
  generation: "int64",
  creationTimestamp: "time",
  deletionTimestamp: "time",
  deletionGracePeriodSeconds: "int64",
  labels: "map[string]string",
  annotations: "map[string]string",
  ownerReferences: "ownerReferences",
  finalizers: "[]string",
  managedFields: "array",
};

/** ObjectMeta's JSON field names: what the API server decodes; anything else under metadata is unknown. */
export const OBJECT_META_FIELDS: ReadonlySet<string> = new Set(Object.keys(OBJECT_META_FIELD_TYPES));

const OWNER_REFERENCE_FIELDS: Record<string, "string" | "bool"> = {
  apiVersion: "string",
  kind: "string",
  name: "string",
  uid: "string",
  controller: "bool",
  blockOwnerDeletion: "bool",
};

/** Go's name for a JSON value in "cannot unmarshal X into ...". */
function goJsonKind(v: unknown, target: string): string {
  const k = jsonKind(v);
  if (k === "boolean") return "bool";
  if (k === "number" && target === "int64" && !Number.isInteger(v)) return `number ${String(v)}`;
  return k === "integer" ? "number" : k;
}

function typeError(v: unknown, field: string, goType: string): string {
  return `json: cannot unmarshal ${goJsonKind(v, goType)} into Go struct field ObjectMeta.${field} of type ${goType}`;
}

/**
 * `json.Unmarshal` of a metadata value into ObjectMeta (unknown fields ignored, nulls leave zero
 * values). Returns the first type error, as Go does, or the decoded meta.
 */
export function unmarshalObjectMeta(value: unknown): { meta: ObjectMetaModel; error?: string } {
  const meta = emptyObjectMeta();
  if (value === null) return { meta };
  if (!isPlainObject(value)) {
    return {
      meta,
      error: `json: cannot unmarshal ${goJsonKind(value, "")} into Go value of type v1.ObjectMeta`,
    };
  }
  let firstError: string | undefined;
  const fail = (msg: string) => {
    firstError ??= msg;
  };
  for (const [k, v] of Object.entries(value)) {
    const goType = own(OBJECT_META_FIELD_TYPES, k);
    if (!goType || v === null) continue;
    switch (goType) {
      case "string":
      case "time":
        if (typeof v === "string") (meta as unknown as Record<string, unknown>)[k] = v;
        else fail(typeError(v, k, "string"));
        break;
      case "int64":
        if (typeof v === "number" && Number.isInteger(v)) (meta as unknown as Record<string, unknown>)[k] = v;
        else fail(typeError(v, k, "int64"));
        break;
      case "map[string]string": {
        if (!isPlainObject(v)) {
          fail(typeError(v, k, "map[string]string"));
          break;
        }
        const out: Record<string, string> = {};
        for (const [mk, mv] of Object.entries(v)) {
          if (typeof mv === "string") setOwn(out, mk, mv);
          else if (mv === null) setOwn(out, mk, "");
          else fail(typeError(mv, k, "string"));
        }
        (meta as unknown as Record<string, unknown>)[k] = out;
        break;
      }
      case "[]string": {
        if (!Array.isArray(v)) {
          fail(typeError(v, k, "[]string"));
          break;
        }
        meta.finalizers = v.map((item) => {
          if (typeof item === "string") return item;
          if (item !== null) fail(typeError(item, k, "string"));
          return "";
        });
        break;
      }
      case "ownerReferences": {
        if (!Array.isArray(v)) {
          fail(typeError(v, k, "[]v1.OwnerReference"));
          break;
        }
        meta.ownerReferences = v.map((item) => decodeOwnerReference(item, fail));
        break;
      }
      case "array":
        if (Array.isArray(v)) meta.managedFields = v;
        else fail(typeError(v, k, "[]v1.ManagedFieldsEntry"));
        break;
    }
  }
  return firstError ? { meta, error: firstError } : { meta };
}

function decodeOwnerReference(item: unknown, fail: (msg: string) => void): OwnerReference {
  const ref: OwnerReference = { apiVersion: "", kind: "", name: "", uid: "" };
  if (item === null) return ref;
  if (!isPlainObject(item)) {
    fail(
      `json: cannot unmarshal ${goJsonKind(item, "")} into Go struct field ObjectMeta.ownerReferences of type v1.OwnerReference`,
    );
    return ref;
  }
  for (const [k, v] of Object.entries(item)) {
    const t = own(OWNER_REFERENCE_FIELDS, k);
    if (!t || v === null) continue;
    if (t === "string" && typeof v === "string") (ref as unknown as Record<string, unknown>)[k] = v;
    else if (t === "bool" && typeof v === "boolean") (ref as unknown as Record<string, unknown>)[k] = v;
    else fail(typeError(v, `ownerReferences.${k}`, t));
  }
  return ref;
}

/** ObjectMeta written back as JSON (omitempty fields dropped), as `SetObjectMeta` does after coercion. */
export function objectMetaToJson(meta: ObjectMetaModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"] as const) {
    if (meta[k]) out[k] = meta[k];
  }
  if (meta.generation) out["generation"] = meta.generation;
  if (meta.creationTimestamp) out["creationTimestamp"] = meta.creationTimestamp;
  if (meta.deletionTimestamp) out["deletionTimestamp"] = meta.deletionTimestamp;
  if (meta.deletionGracePeriodSeconds !== undefined)
    out["deletionGracePeriodSeconds"] = meta.deletionGracePeriodSeconds;
  if (Object.keys(meta.labels).length) out["labels"] = { ...meta.labels };
  if (Object.keys(meta.annotations).length) out["annotations"] = { ...meta.annotations };
  if (meta.ownerReferences.length) out["ownerReferences"] = meta.ownerReferences.map((r) => ({ ...r }));
  if (meta.finalizers.length) out["finalizers"] = [...meta.finalizers];
  if (meta.managedFields?.length) out["managedFields"] = meta.managedFields;
  return out;
}

export type NameValidator = (name: string, prefix: boolean) => string[];

/** apimachinery's TotalAnnotationSizeLimitB: all keys and values of an object's annotations together. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** apimachinery `ValidateObjectMeta` (creation-time checks only). */
export function validateObjectMeta(
  meta: ObjectMetaModel,
  requiresNamespace: boolean,
  nameFn: NameValidator,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameFn(meta.generateName, true))
      errs.push(invalid(child(path, "generateName"), meta.generateName, msg));
  }
  if (!meta.name) errs.push(required(child(path, "name"), "name or generateName is required"));
  else for (const msg of nameFn(meta.name, false)) errs.push(invalid(child(path, "name"), meta.name, msg));
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(required(child(path, "namespace"), ""));
    else
      for (const msg of isDNS1123Label(meta.namespace))
        errs.push(invalid(child(path, "namespace"), meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden(child(path, "namespace"), "not allowed on this type"));
  }
  if (meta.generation < 0)
    errs.push(invalid(child(path, "generation"), meta.generation, "must be greater than or equal to 0"));
  errs.push(...validateLabels(meta.labels, child(path, "labels")));
  errs.push(...validateAnnotations(meta.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(path, "ownerReferences")));
  errs.push(...validateFinalizers(meta.finalizers, child(path, "finalizers")));
  return errs;
}

export function validateLabels(labels: Record<string, string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, "", TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReferences(refs: OwnerReference[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const controllers: string[] = [];
  refs.forEach((ref, i) => {
    const p = index(path, i);
    if (!ref.apiVersion)
      errs.push(invalid(child(p, "apiVersion"), ref.apiVersion, "version must not be empty"));
    if (!ref.kind) errs.push(invalid(child(p, "kind"), ref.kind, "kind must not be empty"));
    if (!ref.name) errs.push(invalid(child(p, "name"), ref.name, "name must not be empty"));
    if (!ref.uid) errs.push(invalid(child(p, "uid"), ref.uid, "uid must not be empty"));
    if (ref.controller) controllers.push(`${ref.kind}/${ref.name}`);
  });
  if (controllers.length > 1) {
    errs.push(
      invalid(
        path,
        refs,
        `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(" and ")}`,
      ),
    );
  }
  return errs;
}

function validateFinalizers(finalizers: string[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
  if (finalizers.includes("orphan") && finalizers.includes("foregroundDeletion")) {
    errs.push(invalid(path, finalizers, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  return errs;
}
