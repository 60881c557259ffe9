/**
 * Hints for unknown tags spelt as a CRD's own schema keywords (`@x-kubernetes-preserve-unknown-fields`,
 * `@oneOf`) or as another TypeScript generator's annotation (typescript-json-schema's `@TJS-type`):
 * a team porting a hand-written CRD (Zalando's postgresql) copies the YAML's keywords, and no
 * did-you-mean finds crdgen's name for them.
 */

const ONE_OF_HINT =
  "write a union of object types: `{ a: A; b?: never } | { b: B; a?: never }` is `oneOf` of `required: [a]` and `required: [b]` (add `| { a?: never; b?: never }` to allow neither); @exactlyOneOf a,b writes a CEL rule instead";

const INTEGER_HINT =
  "crdgen reads the TypeScript type: write `int32`, `int64` or `integer` (from crdgen), or tag a `number` @format int32";

/** What each keyword is in crdgen, as the hint of its unknown-tag error (keys in lower case, as UNKNOWN_TAG_HINTS'). */
export const SCHEMA_KEYWORD_TAG_HINTS: ReadonlyMap<string, string> = new Map([
  [
    "x-kubernetes-preserve-unknown-fields",
    "write @preserveUnknownFields (a field of any value is `unknown`; an object of any fields `Record<string, unknown>`)",
  ],
  ["x-kubernetes-int-or-string", "type the field `IntOrString` (from crdgen), or tag it @intOrString"],
  ["x-kubernetes-embedded-resource", "write @embeddedResource"],
  ["x-kubernetes-list-type", "write @listType atomic|set|map"],
  ["x-kubernetes-list-map-keys", "write @listMapKey <key>, one tag per key"],
  [
    "x-kubernetes-map-type",
    "write @mapType atomic|granular on a map, @structType atomic|granular on an object with properties",
  ],
  ["x-kubernetes-validations", 'write @validation rule="<cel>" message="...", one tag per rule'],
  ["oneof", ONE_OF_HINT],
  [
    "anyof",
    "write a union of types (`A | B`); for at least one of some fields, @atLeastOneOf a,b (a CEL rule)",
  ],
  [
    "additionalproperties",
    "an interface admits only its properties (the API server prunes the others): a map is `Record<string, T>`, a map beside properties an index signature `[key: string]: T`",
  ],
  ["tjs-type", INTEGER_HINT],
]);
