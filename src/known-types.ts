/**
 * Types users import from crdgen to say what TypeScript cannot: `replicas: int32`,
 * `port: IntOrString`. crdgen recognises them by name when they come from here (the
 * integer aliases and IntOrString also when a project declares its own alias of that name).
 */

/** A 32-bit integer: `type: integer, format: int32`. */
export type int32 = number;
/** A 64-bit integer: `type: integer, format: int64`. */
export type int64 = number;
/** An integer without a format: `type: integer`. */
export type integer = number;

/** Kubernetes int-or-string (e.g. a port number or name, a count or a percentage). */
export type IntOrString = number | string;

/** A Kubernetes resource quantity such as `500m`, `10Gi` or `2`: int-or-string with the quantity pattern. */
export type Quantity = number | string;

/** A timestamp (RFC 3339), as Kubernetes' metav1.Time: `string`, `format: date-time`. */
export type Time = string;
/** A timestamp with microseconds, as metav1.MicroTime: `string`, `format: date-time`. */
export type MicroTime = string;
/** A duration such as `1h30m`, as metav1.Duration: `string`. */
export type Duration = string;

/**
 * Object metadata (name, namespace, labels...). Not the root's own metadata, which crdgen
 * always writes as `{type: object}`; an embedded ObjectMeta is `{type: object}` too, as
 * controller-gen does, because the API server validates metadata itself.
 */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * A status condition, as Kubernetes' metav1.Condition: its schema is Kubernetes' own (with its
 * patterns and lengths). A list of them is keyed by `type`, as Kubernetes lists them:
 * `/** @listType map @listMapKey type *\/ conditions?: Condition[]`.
 */
export interface Condition {
  /** CamelCase, e.g. `Ready` (or `example.com/Ready`). */
  type: string;
  status: "True" | "False" | "Unknown";
  /** The `.metadata.generation` the condition was set from. */
  observedGeneration?: number;
  /** When the status last changed (RFC 3339). */
  lastTransitionTime: string;
  /** A CamelCase reason for the last transition. */
  reason: string;
  /** A human-readable message; may be empty. */
  message: string;
}

/** Any embedded JSON object kept as it is: `type: object` + preserve-unknown-fields. */
export type RawExtension = Record<string, unknown>;
