/**
 * Validates a JSON value against a structural schema the way kube-openapi's SchemaValidator
 * does for the API server, and converts the result to field errors. Used for custom resources
 * and for `default` values.
 *
 * kube-openapi runs, per node and in this order, the type, composition (anyOf/oneOf/allOf/not),
 * string, format, number, array, enum and object validators that apply to the value's kind,
 * and counts the checks that pass (the result's "match count"). When no anyOf or oneOf branch
 * passes, it reports, besides the summary, the errors of the branch with the highest count (the
 * first one on ties); that is why the counts are kept here.
 */
import type { JsonValue } from "../../schema/types.js";
import type { FieldError } from "../field-error.js";
import { goNumber, goQuote } from "../go-print.js";
import { isPlainObject, jsonEqual, jsonKind, type JsonKind } from "../json.js";
import type { Structural, ValueValidation } from "../structural/types.js";
import { checkFormat } from "./formats.js";
import { errorKey, inBody, toFieldError, type OpenAPIError } from "./openapi-errors.js";
import { patternMatches } from "./patterns.js";
import { nestedNode, structuralNode, type SchemaNode } from "./schema-node.js";

/** A kube-openapi Result: errors (unique by message) and the number of checks that passed. */
interface Result {
  errors: OpenAPIError[];
  /** Keys of `errors`, made once a second error arrives (most results have none or one). */
  keys?: Set<string>;
  matches: number;
}

function emptyResult(): Result {
  return { errors: [], matches: 0 };
}

function add(r: Result, e: OpenAPIError): void {
  if (r.errors.length > 0) {
    r.keys ??= new Set(r.errors.map(errorKey));
    const k = errorKey(e);
    if (r.keys.has(k)) return;
    r.keys.add(k);
  }
  r.errors.push(e);
}

function merge(into: Result, from: Result): void {
  for (const e of from.errors) add(into, e);
  into.matches += from.matches;
}

/** Visits of one value validation; enough for any request the API server accepts (3 MiB). */
const MAX_VISITS = 2_000_000;
const MAX_DEPTH = 200;

/** Go's field path of a map entry or required field: `<parent>.<key>`, even at the root. */
function entryName(name: string, k: string): string {
  return `${name}.${k}`;
}

/** Go's field path of a declared property: no leading dot at the root. */
function propertyName(name: string, k: string): string {
  return name ? `${name}.${k}` : k;
}

/** The format kube-openapi infers from a decoded Go value (int64 or float64 for numbers). */
function dataFormat(kind: JsonKind): string {
  return kind === "integer" ? "int64" : kind === "number" ? "float64" : "";
}

class Validator {
  private visits = MAX_VISITS;

  validate(value: unknown, node: SchemaNode, name: string, depth: number): Result {
    const r = emptyResult();
    if (--this.visits < 0 || depth > MAX_DEPTH) return r;
    if (value === null || value === undefined) {
      this.nullValue(r, node, name);
      return r;
    }
    const kind = jsonKind(value);
    const vv = node.vv;
    if (node.types.length > 0 || node.format) {
      const typeError = this.typeError(node, kind, name);
      if (typeError) add(r, typeError);
      else r.matches++;
      r.matches++;
    }
    // The composition validator always applies; without clauses it only counts itself.
    if (vv) merge(r, this.composition(value, vv, name, depth));
    else r.matches++;
    r.matches++;
    if (typeof value === "string") {
      if (vv) this.string(r, value, vv, name);
      r.matches++;
      if (node.format) {
        if (checkFormat(node.format, value) === false)
          add(r, {
            code: "invalidType",
            name,
            value,
            message: inBody(name, `must be of type ${node.format}: ${goQuote(value)}`),
          });
        r.matches++;
      }
    }
    if (typeof value === "number") {
      if (vv) this.number(r, value, vv, name);
      r.matches += 2;
    }
    if (Array.isArray(value)) {
      merge(r, this.array(value, node, name, depth));
      r.matches++;
    }
    if (vv && vv.enum.length > 0 && !vv.enum.some((e) => jsonEqual(e, value)))
      add(r, { code: "enum", name, value, values: vv.enum });
    r.matches++;
    if (isPlainObject(value)) {
      merge(r, this.object(value, node, name, depth));
      r.matches++;
    }
    r.matches++;
    return r;
  }

  /** kube-openapi checks only type and enum of a null, and does not count the node itself. */
  private nullValue(r: Result, node: SchemaNode, name: string): void {
    if (node.types.length > 0 && !node.types.includes("null") && !node.nullable) {
      add(r, {
        code: "invalidType",
        name,
        value: "null",
        message: inBody(name, `must be of type ${node.types.join(",")}: "null"`),
      });
    } else {
      r.matches++;
    }
    const vv = node.vv;
    if (vv && vv.enum.length > 0 && !node.nullable && !vv.enum.some((e) => e === null)) {
      add(r, { code: "enum", name, value: null, values: vv.enum });
    }
  }

  /**
   * kube-openapi's typeValidator: with a `format`, a number or boolean must have that format
   * or one of the types, and a string or array passes unless the types are numeric.
   */
  private typeError(node: SchemaNode, kind: JsonKind, name: string): OpenAPIError | undefined {
    const types = node.types;
    const format = node.format;
    const intAsNumber = kind === "integer" && types.includes("number");
    const typed = types.includes(kind) || intAsNumber;
    const stringOrArray = kind === "string" || kind === "array";
    if (format && !stringOrArray && !typed && dataFormat(kind) !== format) {
      const actual = dataFormat(kind);
      return {
        code: "invalidType",
        name,
        value: actual,
        message: inBody(name, `must be of type ${format}: ${goQuote(actual)}`),
      };
    }
    if (format && stringOrArray && !types.includes("number") && !types.includes("integer")) return undefined;
    if (typed) return undefined;
    return {
      code: "invalidType",
      name,
      value: kind,
      message: inBody(name, `must be of type ${types.join(",")}: ${goQuote(kind)}`),
    };
  }

  private composition(value: unknown, vv: ValueValidation, name: string, depth: number): Result {
    const r = emptyResult();
    const quoted = goQuote(name);
    const branch = (n: (typeof vv.anyOf)[number]) => this.validate(value, nestedNode(n), name, depth + 1);
    if (vv.anyOf.length > 0) {
      let best: Result | undefined;
      let firstSuccess: Result | undefined;
      for (const n of vv.anyOf) {
        const result = branch(n);
        if (result.errors.length === 0) {
          best = undefined;
          firstSuccess = result;
          break;
        }
        if (!best || result.matches > best.matches) best = result;
      }
      if (!firstSuccess)
        add(r, { code: "composite", message: `${quoted} must validate at least one schema (anyOf)` });
      const kept = best ?? firstSuccess;
      if (kept) merge(r, kept);
    }
    if (vv.oneOf.length > 0) {
      let best: Result | undefined;
      let firstSuccess: Result | undefined;
      let valid = 0;
      for (const n of vv.oneOf) {
        const result = branch(n);
        if (result.errors.length === 0) {
          valid++;
          best = undefined;
          firstSuccess ??= result;
        } else if (valid === 0 && (!best || result.matches > best.matches)) {
          best = result;
        }
      }
      if (valid !== 1) {
        const detail = valid === 0 ? "Found none valid" : `Found ${valid} valid alternatives`;
        add(r, {
          code: "composite",
          message: `${quoted} must validate one and only one schema (oneOf). ${detail}`,
        });
        if (best) merge(r, best);
      } else if (firstSuccess) {
        merge(r, firstSuccess);
      }
    }
    if (vv.allOf.length > 0) {
      let valid = 0;
      for (const n of vv.allOf) {
        const result = branch(n);
        if (result.errors.length === 0) valid++;
        merge(r, result);
      }
      if (valid !== vv.allOf.length) {
        const detail = valid === 0 ? ". None validated" : "";
        add(r, { code: "composite", message: `${quoted} must validate all the schemas (allOf)${detail}` });
      }
    }
    if (vv.not && branch(vv.not).errors.length === 0) {
      add(r, { code: "composite", message: `${quoted} must not validate the schema (not)` });
    }
    r.matches++;
    return r;
  }

  /** kube-openapi stops at the first failing string check. */
  private string(r: Result, value: string, vv: ValueValidation, name: string): void {
    const length = [...value].length;
    if (vv.maxLength !== undefined && length > vv.maxLength) {
      add(r, { code: "tooLong", name, value, max: vv.maxLength });
    } else if (vv.minLength !== undefined && length < vv.minLength) {
      add(r, {
        code: "invalid",
        name,
        value,
        message: inBody(name, `should be at least ${vv.minLength} chars long`),
      });
    } else if (vv.pattern && !patternMatches(vv.pattern, value)) {
      add(r, { code: "invalid", name, value, message: inBody(name, `should match '${vv.pattern}'`) });
    }
  }

  /** multipleOf, then minimum, then maximum, as kube-openapi merges them. */
  private number(r: Result, value: number, vv: ValueValidation, name: string): void {
    if (vv.multipleOf !== undefined && vv.multipleOf > 0) {
      const q = value / vv.multipleOf;
      if (Math.abs(q - Math.round(q)) > 1e-9) {
        add(r, {
          code: "invalid",
          name,
          value,
          message: inBody(name, `should be a multiple of ${goNumber(vv.multipleOf)}`),
        });
      }
    }
    if (vv.minimum !== undefined && (vv.exclusiveMinimum ? value <= vv.minimum : value < vv.minimum)) {
      const text = vv.exclusiveMinimum ? "should be greater than" : "should be greater than or equal to";
      add(r, { code: "invalid", name, value, message: inBody(name, `${text} ${goNumber(vv.minimum)}`) });
    }
    if (vv.maximum !== undefined && (vv.exclusiveMaximum ? value >= vv.maximum : value > vv.maximum)) {
      const text = vv.exclusiveMaximum ? "should be less than" : "should be less than or equal to";
      add(r, { code: "invalid", name, value, message: inBody(name, `${text} ${goNumber(vv.maximum)}`) });
    }
  }

  /** Items first, then minItems, maxItems and uniqueItems. */
  private array(value: unknown[], node: SchemaNode, name: string, depth: number): Result {
    const r = emptyResult();
    const items = node.items;
    if (items) value.forEach((v, i) => merge(r, this.validate(v, items, `${name}[${i}]`, depth + 1)));
    const vv = node.vv;
    if (vv?.minItems !== undefined && value.length < vv.minItems) {
      add(r, {
        code: "invalid",
        name,
        value: value.length,
        message: inBody(name, `should have at least ${vv.minItems} items`),
      });
    }
    if (vv?.maxItems !== undefined && value.length > vv.maxItems) {
      add(r, { code: "tooManyItems", name, actual: value.length, max: vv.maxItems });
    }
    if (vv?.uniqueItems && value.some((v, i) => value.findIndex((w) => jsonEqual(v, w)) !== i)) {
      add(r, { code: "invalid", name, value: "", message: inBody(name, "shouldn't contain duplicates") });
    }
    r.matches++;
    return r;
  }

  /**
   * A property-count failure ends the object's validation; otherwise additional properties,
   * then declared properties, then required ones.
   */
  private object(value: Record<string, unknown>, node: SchemaNode, name: string, depth: number): Result {
    const r = emptyResult();
    const vv = node.vv;
    const keys = Object.keys(value);
    if (vv?.minProperties !== undefined && keys.length < vv.minProperties) {
      add(r, {
        code: "invalid",
        name,
        value: keys.length,
        message: inBody(name, `should have at least ${vv.minProperties} properties`),
      });
      return r;
    }
    if (vv?.maxProperties !== undefined && keys.length > vv.maxProperties) {
      add(r, { code: "tooManyProperties", name, actual: keys.length, max: vv.maxProperties });
      return r;
    }
    const ap = node.additionalProperties;
    const declared: Array<[string, SchemaNode]> = [];
    for (const k of keys) {
      const prop = node.property(k);
      if (prop) declared.push([k, prop]);
      else if (ap && !ap.allows) {
        // Reported at the object itself, naming the key (kube-openapi's PropertyNotAllowed).
        add(r, {
          code: "invalid",
          name,
          value: k,
          message: `${entryName(name, k)} in body is a forbidden property`,
        });
      } else if (ap?.schema) {
        merge(r, this.validate(value[k], ap.schema, entryName(name, k), depth + 1));
      }
    }
    for (const [k, prop] of declared)
      merge(r, this.validate(value[k], prop, propertyName(name, k), depth + 1));
    for (const k of vv?.required ?? []) {
      if (!Object.hasOwn(value, k)) add(r, { code: "required", name: entryName(name, k) });
    }
    return r;
  }
}

/** Field errors for `value` at `fldPath` against `s`. */
export function validateValue(fldPath: string, value: JsonValue | unknown, s: Structural): FieldError[] {
  const result = new Validator().validate(value, structuralNode(s), "", 0);
  return result.errors.map((e) => toFieldError(fldPath, e));
}
