/**
 * Validates a JSON value against a structural schema the way kube-openapi's SchemaValidator
 * does for the API server (type, enum, string/number/array/object constraints, allOf/anyOf/
 * oneOf/not), and converts the results to field errors like `kubeOpenAPIResultToFieldErrors`.
 * Used for `default` values; messages follow kube-openapi (`<name> in body ...`).
 */
import type { JsonValue } from "../../schema/types.js";
import type { FieldError } from "../field-error.js";
import { child, invalid, notSupported, required, tooLong, tooMany } from "../errors.js";
import { goNumber } from "../go-print.js";
import { isPlainObject, jsonEqual, jsonKind } from "../json.js";
import type { NestedValueValidation, Structural, ValueValidation } from "../structural/types.js";
import { RE2JS } from "re2js";
import { checkFormat } from "./formats.js";

/** One kube-openapi result error, before conversion to a field error. */
type OpenAPIError =
  | { code: "required"; name: string }
  | { code: "enum"; name: string; value: unknown; values: unknown[] }
  | { code: "tooLong"; name: string; value: unknown; max: number }
  | { code: "tooManyItems" | "tooManyProperties"; name: string; actual: number; max: number }
  | { code: "invalidType"; name: string; value: unknown; message: string }
  | { code: "invalid"; name: string; value: unknown; message: string }
  | { code: "composite"; message: string };

/** A schema node as kube-openapi sees it: the structural part (optional) plus value validations. */
interface Node {
  types: string[];
  nullable: boolean;
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: { allows: boolean; schema?: Node };
  vv?: ValueValidation;
}

function fromStructural(s: Structural, depth = 0): Node {
  const node: Node = {
    types: s.extensions.xIntOrString ? ["integer", "string"] : s.generic.type ? [s.generic.type] : [],
    nullable: s.generic.nullable,
  };
  if (depth > 200) return node;
  if (s.properties) {
    node.properties = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => [k, fromStructural(v, depth + 1)]),
    );
  }
  if (s.items) node.items = fromStructural(s.items, depth + 1);
  const ap = s.generic.additionalProperties;
  if (ap)
    node.additionalProperties = {
      allows: ap.bool,
      ...(ap.structural ? { schema: fromStructural(ap.structural, depth + 1) } : {}),
    };
  if (s.valueValidation) node.vv = s.valueValidation;
  return node;
}

function fromNested(n: NestedValueValidation, depth = 0): Node {
  const node: Node = {
    types: n.forbiddenGenerics.type ? [n.forbiddenGenerics.type] : [],
    nullable: n.forbiddenGenerics.nullable,
    vv: n.valueValidation,
  };
  if (depth > 200) return node;
  if (n.properties) {
    node.properties = Object.fromEntries(
      Object.entries(n.properties).map(([k, v]) => [k, fromNested(v, depth + 1)]),
    );
  }
  if (n.items) node.items = fromNested(n.items, depth + 1);
  return node;
}

const IN = "body";

function msg(name: string, text: string): string {
  return name ? `${name} in ${IN} ${text}` : ` in ${IN} ${text}`;
}

/** JSON type name as kube-openapi infers it from a decoded value. */
function schemaType(v: unknown): string {
  const k = jsonKind(v);
  return k === "null" ? "null" : k;
}

function typeMatches(types: string[], actual: string): boolean {
  return types.includes(actual) || (actual === "integer" && types.includes("number"));
}

class Validator {
  readonly errors: OpenAPIError[] = [];
  private budget = 100_000;

  validate(value: unknown, node: Node, name: string, depth: number): void {
    if (--this.budget < 0 || depth > 200) return;
    if (value === null || value === undefined) {
      if (node.types.length > 0 && !node.types.includes("null") && !node.nullable) {
        this.errors.push({
          code: "invalidType",
          name,
          value: "null",
          message: msg(name, `must be of type ${node.types.join(",")}: "null"`),
        });
      }
      if (node.vv && node.vv.enum.length > 0 && !node.nullable && !node.vv.enum.some((e) => e === null)) {
        this.errors.push({ code: "enum", name, value: null, values: node.vv.enum });
      }
      return;
    }
    const actual = schemaType(value);
    let typeOk = true;
    if (node.types.length > 0 && !typeMatches(node.types, actual)) {
      typeOk = false;
      this.errors.push({
        code: "invalidType",
        name,
        value: actual,
        message: msg(name, `must be of type ${node.types.join(",")}: "${actual}"`),
      });
    }
    if (node.vv) this.composition(value, node.vv, name, depth);
    if (!typeOk) return;
    const vv = node.vv;
    if (typeof value === "string" && vv) this.string(value, vv, name);
    if (typeof value === "number" && vv) this.number(value, vv, name);
    if (Array.isArray(value)) this.array(value, node, name, depth);
    if (vv && vv.enum.length > 0 && !vv.enum.some((e) => jsonEqual(e, value))) {
      this.errors.push({ code: "enum", name, value, values: vv.enum });
    }
    if (isPlainObject(value)) this.object(value, node, name, depth);
  }

  private composition(value: unknown, vv: ValueValidation, name: string, depth: number): void {
    const quoted = JSON.stringify(name);
    const passes = (n: NestedValueValidation) => {
      const sub = new Validator();
      sub.budget = Math.min(this.budget, 10_000);
      sub.validate(value, fromNested(n), name, depth + 1);
      this.budget -= 10_000 - Math.max(sub.budget, 0);
      return sub.errors;
    };
    if (vv.allOf.length > 0) {
      let failed = false;
      for (const n of vv.allOf) {
        const errs = passes(n);
        if (errs.length > 0) {
          failed = true;
          this.errors.push(...errs);
        }
      }
      if (failed)
        this.errors.push({ code: "composite", message: `${quoted} must validate all the schemas (allOf)` });
    }
    if (vv.anyOf.length > 0 && !vv.anyOf.some((n) => passes(n).length === 0)) {
      this.errors.push({ code: "composite", message: `${quoted} must validate at least one schema (anyOf)` });
    }
    if (vv.oneOf.length > 0) {
      const valid = vv.oneOf.filter((n) => passes(n).length === 0).length;
      if (valid !== 1) {
        const detail = valid === 0 ? "Found none valid" : `Found ${valid} valid alternatives`;
        this.errors.push({
          code: "composite",
          message: `${quoted} must validate one and only one schema (oneOf). ${detail}`,
        });
      }
    }
    if (vv.not && passes(vv.not).length === 0) {
      this.errors.push({ code: "composite", message: `${quoted} must not validate the schema (not)` });
    }
  }

  private string(value: string, vv: ValueValidation, name: string): void {
    const length = [...value].length;
    if (vv.maxLength !== undefined && length > vv.maxLength)
      this.errors.push({ code: "tooLong", name, value, max: vv.maxLength });
    if (vv.minLength !== undefined && length < vv.minLength) {
      this.errors.push({
        code: "invalid",
        name,
        value,
        message: msg(name, `should be at least ${vv.minLength} chars long`),
      });
    }
    if (vv.pattern && !patternMatches(vv.pattern, value)) {
      this.errors.push({ code: "invalid", name, value, message: msg(name, `should match '${vv.pattern}'`) });
    }
    if (vv.format && checkFormat(vv.format, value) === false) {
      this.errors.push({
        code: "invalidType",
        name,
        value,
        message: msg(name, `must be of type ${vv.format}: ${JSON.stringify(value)}`),
      });
    }
  }

  private number(value: number, vv: ValueValidation, name: string): void {
    if (vv.multipleOf !== undefined && vv.multipleOf > 0) {
      const q = value / vv.multipleOf;
      if (Math.abs(q - Math.round(q)) > 1e-9) {
        this.errors.push({
          code: "invalid",
          name,
          value,
          message: msg(name, `should be a multiple of ${goNumber(vv.multipleOf)}`),
        });
      }
    }
    if (vv.maximum !== undefined && (vv.exclusiveMaximum ? value >= vv.maximum : value > vv.maximum)) {
      const text = vv.exclusiveMaximum ? "should be less than" : "should be less than or equal to";
      this.errors.push({
        code: "invalid",
        name,
        value,
        message: msg(name, `${text} ${goNumber(vv.maximum)}`),
      });
    }
    if (vv.minimum !== undefined && (vv.exclusiveMinimum ? value <= vv.minimum : value < vv.minimum)) {
      const text = vv.exclusiveMinimum ? "should be greater than" : "should be greater than or equal to";
      this.errors.push({
        code: "invalid",
        name,
        value,
        message: msg(name, `${text} ${goNumber(vv.minimum)}`),
      });
    }
  }

  private array(value: unknown[], node: Node, name: string, depth: number): void {
    const vv = node.vv;
    if (vv?.maxItems !== undefined && value.length > vv.maxItems) {
      this.errors.push({ code: "tooManyItems", name, actual: value.length, max: vv.maxItems });
    }
    if (vv?.minItems !== undefined && value.length < vv.minItems) {
      this.errors.push({
        code: "invalid",
        name,
        value: value.length,
        message: msg(name, `should have at least ${vv.minItems} items`),
      });
    }
    if (vv?.uniqueItems && value.some((v, i) => value.findIndex((w) => jsonEqual(v, w)) !== i)) {
      this.errors.push({
        code: "invalid",
        name,
        value: "",
        message: msg(name, "shouldn't contain duplicates"),
      });
    }
    if (node.items) value.forEach((v, i) => this.validate(v, node.items!, `${name}[${i}]`, depth + 1));
  }

  private object(value: Record<string, unknown>, node: Node, name: string, depth: number): void {
    const vv = node.vv;
    const count = Object.keys(value).length;
    if (vv?.maxProperties !== undefined && count > vv.maxProperties) {
      this.errors.push({ code: "tooManyProperties", name, actual: count, max: vv.maxProperties });
    }
    if (vv?.minProperties !== undefined && count < vv.minProperties) {
      this.errors.push({
        code: "invalid",
        name,
        value: count,
        message: msg(name, `should have at least ${vv.minProperties} properties`),
      });
    }
    const childName = (k: string) => (name ? `${name}.${k}` : k);
    for (const r of vv?.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(value, r))
        this.errors.push({ code: "required", name: childName(r) });
    }
    for (const [k, v] of Object.entries(value)) {
      const prop = node.properties?.[k];
      if (prop) this.validate(v, prop, childName(k), depth + 1);
      else if (node.additionalProperties) {
        if (node.additionalProperties.schema)
          this.validate(v, node.additionalProperties.schema, childName(k), depth + 1);
        else if (!node.additionalProperties.allows) {
          this.errors.push({
            code: "invalid",
            name: childName(k),
            value: k,
            message: `${childName(k)} in ${IN} is a forbidden property`,
          });
        }
      }
    }
  }
}

const patternCache = new Map<string, RE2JS | null>();

function patternMatches(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(pattern, re);
  }
  return re === null ? true : re.matcher(value).find();
}

/** Field errors for `value` at `fldPath` against `s`. */
export function validateValue(fldPath: string, value: JsonValue | unknown, s: Structural): FieldError[] {
  const v = new Validator();
  v.validate(value, fromStructural(s), "", 0);
  return v.errors.map((e) => toFieldError(fldPath, e));
}

function toFieldError(fldPath: string, e: OpenAPIError): FieldError {
  if (e.code === "composite") return invalid(fldPath, "", e.message);
  const path = e.name && e.name !== "." ? child(fldPath, e.name.replace(/^\./, "")) : fldPath;
  switch (e.code) {
    case "required":
      return required(path, "");
    case "enum":
      return notSupported(
        path,
        e.value,
        e.values.map((x) => (typeof x === "string" ? x : JSON.stringify(x))),
      );
    case "tooLong":
      return tooLong(path, e.value, e.max);
    case "tooManyItems":
    case "tooManyProperties":
      return tooMany(path, e.actual, e.max);
    case "invalidType":
      // Kubernetes reports FieldValueTypeInvalid, which prints exactly like FieldValueInvalid.
      return invalid(path, e.value, e.message);
    case "invalid":
      return invalid(path, e.value, e.message);
  }
}
