/**
 * Hints for a `@default` value Kubernetes refuses, in terms of the value written: the field it
 * names that the type lacks (Kubernetes says only "must not have unknown fields"), the field it
 * leaves out that the type requires, the value an enum misses.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import { didYouMean } from "../tags/suggest.js";
import type { FieldError } from "../validate/field-error.js";

/** Where a `default` starts in an error's field: `...properties[a].default`, `...default.inner.size`. */
const DEFAULT = /\]\.default(?=\.|\[|$)/;

/** An error in a schema's `default`, which crdgen writes from a @default tag. */
export function isDefaultError(error: FieldError): boolean {
  return DEFAULT.test(error.field);
}

/** The field an error is about below the default (`inner.size`, `[0].name`), "" for the default itself. */
export function pathInDefault(error: FieldError): string {
  const m = DEFAULT.exec(error.field);
  if (!m) return "";
  // Kubernetes writes a list element below a default as `.default.[0]`.
  return error.field.slice(m.index + m[0].length).replace(/^\./, "");
}

/** The node the default belongs to's path in the error (`spec.validation...properties[a]`). */
export function defaultOwner(error: FieldError): string | undefined {
  const m = DEFAULT.exec(error.field);
  return m ? error.field.slice(0, m.index + 1) : undefined;
}

interface Unknown {
  /** Where the object holding the field is, in the default (`inner`, `[0]`, "" for the top). */
  at: string;
  name: string;
  declared: string[];
}

/**
 * `@default {"inner": {"sise": 1}}`: each field the value names that its type does not declare,
 * with the declared field meant; undefined when every field is declared (the refusal is another).
 */
export function unknownDefaultFields(value: unknown, schema: JSONSchemaProps): string | undefined {
  const unknown: Unknown[] = [];
  collectUnknown(value, schema, "", unknown);
  if (unknown.length === 0) return undefined;
  const told = unknown.slice(0, 3).map(({ at, name, declared }) => {
    const near = didYouMean(name, declared);
    const guess = near === undefined ? "" : ` (did you mean ${join(at, near)}?)`;
    const has = `${at === "" ? "the type" : at} declares ${declared.length > 0 ? declared.join(", ") : "no fields"}`;
    return `${join(at, name)}${guess}; ${has}`;
  });
  const fields = unknown.length === 1 ? "a field" : "fields";
  return `the @default value names ${fields} its type does not declare: ${told.join("; ")}. Correct the @default's field names (or declare the fields in the type)`;
}

function collectUnknown(value: unknown, schema: JSONSchemaProps, at: string, out: Unknown[]): void {
  // Fields such a node keeps are no error.
  if (schema["x-kubernetes-preserve-unknown-fields"] === true) return;
  if (Array.isArray(value)) {
    const items = schema.items;
    if (items && !Array.isArray(items)) value.forEach((v, i) => collectUnknown(v, items, `${at}[${i}]`, out));
    return;
  }
  if (value === null || typeof value !== "object" || schema.type !== "object") return;
  const properties = schema.properties ?? {};
  const extra = schema.additionalProperties;
  for (const [name, v] of Object.entries(value)) {
    const field = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (field) collectUnknown(v, field, join(at, name), out);
    else if (typeof extra === "object") collectUnknown(v, extra, join(at, name), out);
    else if (extra === true) continue;
    // An embedded resource's apiVersion, kind and metadata are implicit.
    else if (schema["x-kubernetes-embedded-resource"] === true && EMBEDDED.has(name)) continue;
    else out.push({ at, name, declared: Object.keys(properties) });
  }
}

const EMBEDDED = new Set(["apiVersion", "kind", "metadata"]);

function join(at: string, name: string): string {
  return at === "" ? name : `${at}.${name}`;
}
