/**
 * The helper types of controller-gen's `pkg/crd/testdata/cronjob_types.go` (README sections
 * 1.4 and 1.5): small structs, named scalars, aliases and named collections that the
 * CronJob spec and status use. Go-only notions are spelt the TypeScript way:
 *
 * - a Go `int` is crdgen's `integer`, `int32`/`int64` the known types of the same name;
 * - a Go `[]byte` is `ByteSlice` (see below);
 * - a type with its own JSON encoding and a `Type=` marker is `@schemaless @schemaType ...`:
 *   the tags alone make its schema, as the markers alone do in controller-gen;
 * - a type that encodes itself as text is an alias of `string`;
 * - unexported Go fields are `private` class members, which crdgen skips.
 */
import type { int32, int64, integer, IntOrString } from "../../src/known-types.js";

// Go's `[]byte`, which encoding/json writes as a base64 string: that is its TypeScript type.
/** @format byte */
export type ByteSlice = string;

export interface NestedObject {
  foo: string;
  bar: boolean;
}

export type JustNestedObject = NestedObject;

/** @structType atomic */
export type NestedStructWithSeveralFields = NestedObject;

export interface RootObject {
  nested: NestedObject;
}

export interface EmpiableObject {
  /** @default "forty-two" */
  foo?: string;
  bar?: string;
}

export interface AssociativeType {
  name: string;
  secondary: integer;
  foo: string;
}

/**
 * @minProperties 1
 * @maxProperties 2
 */
export interface MinMaxObject {
  foo?: string;
  bar?: string;
  baz?: string;
}

export interface ContainsNestedMap {
  innerMap?: Record<string, string>;
}

// Encodes itself as arbitrary JSON (its own fields plus whatever the catch-all map holds),
// so its schema is the tags only: an object that keeps unknown fields.
/**
 * @schemaless
 * @schemaType object
 * @preserveUnknownFields
 */
export interface Preserved {
  concreteField: string;
  [rest: string]: unknown;
}

export interface EmbeddedStruct {
  /** FromEmbedded is a field from the embedded struct that was used through an alias type. */
  fromEmbedded?: string;
}

export type InlineAlias = EmbeddedStruct;

export interface InlinePointerStruct {
  fromPointer?: string;
}

// Go's unexported embedded struct (the lower-case name mirrors it): its exported field is
// inlined into the spec, its unexported one skipped: a #private field, which JSON.stringify leaves out
// as Go's encoder leaves out an unexported field (a `private` one it writes, so crdgen warns of it).
export class unexportedStruct {
  /** This tests that exported fields are not skipped in the schema generation */
  foo!: string;
  // eslint-disable-next-line no-unused-private-class-members -- Go's unexported field: data no one reads here
  #bar?: string;
}

export class ExportedStruct {
  /** This tests that exported fields are not skipped in the schema generation */
  baz!: string;
  // eslint-disable-next-line no-unused-private-class-members -- Go's unexported field: data no one reads here
  #qux?: string;
}

/**
 * This tests that markers that are allowed on both fields and types are applied to types
 * @minLength 4
 */
export type LongerString = string;

// Encodes itself as the strings "true" and "false".
/** @schemaType string */
export type TotallyABool = boolean;

export type UnmarkeredInteger = int32;

export type UnmarkeredString = string;

/** @validation rule="self.size() % 2 == 0" message="must have even length" */
export type StringEvenType = string;

// The `+kubebuilder:validation:Enum` marker on a named string type: a union of literals.
export type ConcurrencyPolicy = "Allow" | "Forbid" | "Replace";

// The `+k8s:enum` marker with the constants declared for the type: a string enum.
export enum K8sConcurrencyPolicy {
  Allow = "Allow",
  Forbid = "Forbid",
  Replace = "Replace",
}

export type StringAlias = string;

/** @title title on type */
export type StringAliasWithTitle = string;

/**
 * @minLength 1
 * @maxLength 255
 */
export type StringAliasWithValidation = string;

// One host name: Go's `items:` markers live on the element type here.
/**
 * @minLength 1
 * @maxLength 255
 * @pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$
 */
export type Host = string;

/**
 * This tests string slice item validation.
 * @minItems 1
 * @listType set
 */
export type Hosts = Host[];

/**
 * @listType map
 * @listMapKey name
 * @listMapKey secondary
 */
export type NestedAssociativeList = AssociativeType[];

/**
 * @listType map
 * @listMapKey name
 * @listMapKey secondary
 */
export type K8sNestedAssociativeList = AssociativeType[];

/** @mapType granular */
export type NestedMapOfInfo = Record<string, ByteSlice>;

// An int-or-string list item with string validation (Go's `items:` markers).
/**
 * @intOrString
 * @maxLength 10
 * @minLength 1
 * @pattern ^((100|[0-9]{1,2})%|[0-9]+)$
 */
export type PercentOrInteger = IntOrString;

// An int-or-string list item limited to four values (Go's `items:` markers).
/**
 * @intOrString
 * @maxLength 3
 * @minLength 1
 */
export type SmallIntOrString = 1 | 2 | "foo" | "bar";

// Go's time value, written as Unix milliseconds by its own JSON encoding.
/**
 * @schemaType integer
 * @format int64
 */
export type Time2 = Date;

// A struct around a URL that encodes itself as the URL string.
/**
 * @schemaless
 * @schemaType string
 */
export interface URL {
  href: string;
}

// A URL type with its own JSON encoding as a string.
/**
 * @schemaless
 * @schemaType string
 */
export type URL2 = URL;

// Encodes itself as text, so it is a string.
export type URL3 = string;

// Encodes itself as text, so it is a string.
export type URL4 = string;

/**
 * A Duration represents the elapsed time between two instants
 * as an int64 nanosecond count. The representation limits the
 * largest representable duration to approximately 290 years.
 */
export type GoDuration = int64;

/**
 * Duration has a custom Marshaler but no markers.
 * We want the CRD generation to infer type information
 * from the go types and ignore the presense of the Marshaler.
 */
export interface Duration {
  value: GoDuration;
}
