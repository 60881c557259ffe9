/**
 * The intermediate model between TypeScript and OpenAPI: small, serialisable, and
 * free of ts-morph, so emit and transforms can be tested without a program.
 * Named types stay named (`ref`), as controller-gen does: each is converted once and
 * inlined later by the inline-refs transform, which keeps generation linear.
 */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type {
  CustomResourceColumnDefinition,
  CustomResourceSubresourceScale,
  JSONSchemaProps,
} from "../schema/types.js";
import type { AppliedTag } from "../tags/registry.js";

export type Scalar = string | number | boolean;
export type PrimitiveName = "string" | "number" | "integer" | "boolean";

interface IrBase {
  origin?: SourceLocation | undefined;
}

export interface IrPrimitive extends IrBase {
  kind: "primitive";
  type: PrimitiveName;
  format?: string | undefined;
  /** What a string must match: a template literal type's text (schema/template-pattern.ts). */
  pattern?: string | undefined;
}

/** A literal or a union of literals of one primitive type. */
export interface IrEnum extends IrBase {
  kind: "enum";
  type: PrimitiveName;
  values: Scalar[];
}

export interface IrArray extends IrBase {
  kind: "array";
  items: IrType;
  /** From `Set<T>`: elements are unique. */
  set?: boolean | undefined;
}

export interface IrProperty {
  name: string;
  type: IrType;
  optional: boolean;
  description?: string | undefined;
  tags: AppliedTag[];
  origin?: SourceLocation | undefined;
}

export interface IrObject extends IrBase {
  kind: "object";
  properties: IrProperty[];
  /** From an index signature or `Record<string, T>`. */
  additionalProperties?: IrType | undefined;
  /**
   * Properties the type says are never set (`a?: never`), which JSON cannot hold: no schema
   * property, but a union member `{ a?: never; b?: never }` means "neither a nor b".
   */
  absent?: string[] | undefined;
}

export interface IrUnion extends IrBase {
  kind: "union";
  members: IrType[];
}

export interface IrNull extends IrBase {
  kind: "null";
}

/** `unknown`/`any`: anything goes, kept by the API server. */
export interface IrUnknown extends IrBase {
  kind: "unknown";
}

export interface IrRef extends IrBase {
  kind: "ref";
  /** Key into `IrModel.definitions`. */
  name: string;
}

/** A schema supplied whole by a known type (e.g. Kubernetes' own PodTemplateSpec). */
export interface IrVerbatim extends IrBase {
  kind: "verbatim";
  schema: JSONSchemaProps;
}

export type IrType =
  IrPrimitive | IrEnum | IrArray | IrObject | IrUnion | IrNull | IrUnknown | IrRef | IrVerbatim;

export interface IrDefinition {
  name: string;
  type: IrType;
  description?: string | undefined;
  tags: AppliedTag[];
  origin?: SourceLocation | undefined;
}

/** CRD-level settings gathered from the root's tags, defaults already resolved. */
export interface CrdSettings {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  listKind: string;
  scope: "Namespaced" | "Cluster";
  shortNames: string[];
  categories: string[];
}

/** Settings of one version entry, from the root's version-level tags. */
export interface VersionSettings {
  served: boolean;
  /** Tagged @storageVersion. */
  storage: boolean;
  deprecated?: { deprecationWarning?: string } | undefined;
  status: boolean;
  scale?: CustomResourceSubresourceScale | undefined;
  /** Where `@subresource scale` was written. */
  scaleOrigin?: SourceLocation | undefined;
  printerColumns: CustomResourceColumnDefinition[];
  selectableFields: string[];
  /** Where each version-level tag was written, for errors about its value (by tag name, in order). */
  tagOrigins: Map<string, SourceLocation[]>;
}

export interface IrRoot {
  /** The TypeScript name of the root declaration. */
  typeName: string;
  settings: CrdSettings;
  version: VersionSettings;
  /** Annotations and labels for the CRD object itself. */
  annotations: Record<string, string>;
  labels: Record<string, string>;
  /** Tags found on the root (CRD-level ones and any schema-level ones). */
  tags: AppliedTag[];
  description?: string | undefined;
  /** The root's own object type (spec, status, ...), without apiVersion/kind/metadata. */
  type: IrObject;
  /** The root declares `metadata` without `?`, so its schema requires it (as controller-gen's does). */
  metadataRequired?: boolean;
  origin: SourceLocation;
}

export interface IrModel {
  roots: IrRoot[];
  definitions: Map<string, IrDefinition>;
}

/**
 * The type a reference names, through references to references (`type Memory = Quantity`);
 * `type` itself when it is no reference, undefined for a name with no definition. Stops after a
 * few names, so that a cycle of references (a recursive type, reported elsewhere) ends.
 */
export function dereference(
  type: IrType,
  definitions: ReadonlyMap<string, IrDefinition>,
): IrType | undefined {
  let current: IrType | undefined = type;
  for (let depth = 0; current?.kind === "ref" && depth < 8; depth++)
    current = definitions.get(current.name)?.type;
  return current?.kind === "ref" ? undefined : current;
}
