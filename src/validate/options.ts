/**
 * Validation strictness, modelled on Kubernetes' `validationOptions`
 * (apiextensions-apiserver `pkg/apis/apiextensions/validation`). A v1 create uses
 * the strictest settings; relaxed settings only apply to CRDs stored long ago.
 */
export interface ValidationOptions {
  /** Schemas may contain `default`. */
  allowDefaults: boolean;
  /** Appended to "must not be set" when defaults are not allowed. */
  disallowDefaultsReason: string;
  /** Items of `x-kubernetes-list-type: set` lists must be atomic. */
  requireAtomicSetType: boolean;
  /** List-map keys must be required or defaulted and not nullable; map/set items not nullable. */
  requireMapListKeysMapSetValidation: boolean;
  /** Every version needs a schema. */
  requireOpenAPISchema: boolean;
  /** Defaults must not contain fields that pruning would drop. */
  requirePrunedDefaults: boolean;
  /** Schemas must be structural (forced on whenever pruning is on, i.e. always in v1). */
  requireStructuralSchema: boolean;
  /** `type` must be one of the OpenAPI v3 types. */
  requireValidPropertyType: boolean;
  /** Webhook conversion must list a ConversionReview version this server understands. */
  requireRecognizedConversionReviewVersion: boolean;
  /** A malformed conversion `caBundle` is tolerated (true on create: the CRD is not Established yet). */
  allowInvalidCABundle: boolean;
  /** CEL environment compatibility version, e.g. "1.35" (Kubernetes 1.36's default). */
  celEnvironmentCompatibilityVersion: string;
}

/** What `kubectl create` of an apiextensions.k8s.io/v1 CRD is validated with on Kubernetes 1.36. */
export const V1_CREATE_OPTIONS: Readonly<ValidationOptions> = Object.freeze({
  allowDefaults: true,
  disallowDefaultsReason: "",
  requireAtomicSetType: true,
  requireMapListKeysMapSetValidation: true,
  requireOpenAPISchema: true,
  requirePrunedDefaults: true,
  requireStructuralSchema: true,
  requireValidPropertyType: true,
  requireRecognizedConversionReviewVersion: true,
  allowInvalidCABundle: true,
  celEnvironmentCompatibilityVersion: "1.35",
});

/** Fills unspecified options from the v1 create defaults, ignoring values of the wrong type. */
export function resolveOptions(partial: Partial<ValidationOptions> | undefined): ValidationOptions {
  const out: ValidationOptions = { ...V1_CREATE_OPTIONS };
  if (!partial || typeof partial !== "object") return out;
  for (const key of Object.keys(V1_CREATE_OPTIONS) as (keyof ValidationOptions)[]) {
    const value: unknown = partial[key];
    if (typeof value === typeof V1_CREATE_OPTIONS[key])
      (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
