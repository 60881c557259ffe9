/**
 * The internal (hub) form of a CRD that Kubernetes validates: v1 input after strict decoding,
 * v1 defaulting and conversion. Per-version schema, subresources, printer columns and
 * selectable fields that are identical in every version are hoisted to the top level, which is
 * why error paths read `spec.validation.openAPIV3Schema...` for single-version CRDs.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import type { ObjectMetaModel } from "./object-meta.js";

export interface InternalScale {
  specReplicasPath: string;
  statusReplicasPath: string;
  /** Absent and empty are distinct in Go (*string), though both are accepted. */
  labelSelectorPath?: string;
}

export interface InternalSubresources {
  /** Present (even if `{}`) means the status subresource is enabled. */
  status?: Record<string, never>;
  scale?: InternalScale;
}

export interface InternalColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
  /** Reported as `JSONPath` in error paths, the internal Go field name. */
  jsonPath: string;
}

export interface InternalSelectableField {
  jsonPath: string;
}

/** A validation wrapper (`schema:` in v1, `validation:` internally); `openAPIV3Schema` may be missing. */
export interface InternalValidation {
  openAPIV3Schema?: JSONSchemaProps;
}

export interface InternalVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  schema?: InternalValidation;
  subresources?: InternalSubresources;
  additionalPrinterColumns: InternalColumn[];
  selectableFields: InternalSelectableField[];
}

export interface InternalNames {
  plural: string;
  singular: string;
  shortNames: string[];
  kind: string;
  listKind: string;
  categories: string[];
}

export interface InternalServiceReference {
  namespace: string;
  name: string;
  path?: string;
  port: number;
}

export interface InternalWebhookClientConfig {
  url?: string;
  service?: InternalServiceReference;
  caBundle: string;
}

export interface InternalConversion {
  strategy: string;
  webhookClientConfig?: InternalWebhookClientConfig;
  conversionReviewVersions: string[];
}

export interface InternalSpec {
  group: string;
  /** `versions[0].name`, set by the v1 conversion. */
  version: string;
  names: InternalNames;
  scope: string;
  validation?: InternalValidation;
  subresources?: InternalSubresources;
  versions: InternalVersion[];
  additionalPrinterColumns: InternalColumn[];
  selectableFields: InternalSelectableField[];
  conversion?: InternalConversion;
  preserveUnknownFields: boolean;
}

export interface InternalStatus {
  acceptedNames: InternalNames;
  /** null (Go's nil slice) when no version is marked as storage. */
  storedVersions: string[] | null;
}

export interface InternalCrd {
  metadata: ObjectMetaModel;
  spec: InternalSpec;
  status: InternalStatus;
}

export function emptyNames(): InternalNames {
  return { plural: "", singular: "", shortNames: [], kind: "", listKind: "", categories: [] };
}
