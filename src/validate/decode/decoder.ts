/**
 * Strict JSON decoding into Kubernetes' Go types, as the API server does with
 * `fieldValidation=Strict` (kubectl's default): unknown fields and values of the wrong
 * JSON type are rejected before validation. Nulls leave the Go zero value.
 */
import type { FieldError } from "../field-error.js";
import { child, forbidden, invalid } from "../errors.js";
import { asSent, dense, isPlainObject, jsonKind } from "../json.js";
import type { DecodedSubtree } from "../memo.js";
import type { PathStack } from "../path-stack.js";

/**
 * Where a value is: its path, or the PathStack of a walk, which is only spelled out when an
 * error is reported there.
 */
export type At = string | PathStack;

function pathOf(at: At): string {
  return typeof at === "string" ? at : at.text();
}

/** Deeper nesting than this is reported instead of recursed into, so hostile input cannot overflow the stack. */
export const MAX_DEPTH = 256;

/**
 * The fields the Go type had where an unknown field was found, for a did-you-mean: kept beside
 * the error, not in it, since Kubernetes' error has no such field.
 */
const knownFields = new WeakMap<FieldError, readonly string[]>();

/** The fields the struct had, for an unknown-field error of a Decoder; undefined for any other error. */
export function knownFieldsOf(error: FieldError): readonly string[] | undefined {
  return knownFields.get(error);
}

export class Decoder {
  readonly errors: FieldError[] = [];

  /** `memo`: schema subtrees a session's earlier runs decoded cleanly (validate/memo.ts). */
  constructor(readonly memo?: WeakMap<object, DecodedSubtree>) {}

  /** `known`: the fields of the Go type at `path`, which the error keeps for a did-you-mean. */
  unknownField(path: At, name: string, known: Iterable<string>): void {
    const error = forbidden(child(pathOf(path), name), `strict decoding error: unknown field "${name}"`);
    knownFields.set(error, [...known]);
    this.errors.push(error);
  }

  typeError(path: At, value: unknown, goType: string): void {
    const kind = jsonKind(value);
    const jsonType = kind === "boolean" ? "bool" : kind === "integer" ? "number" : kind;
    this.errors.push(
      invalid(pathOf(path), value, `json: cannot unmarshal ${jsonType} into Go value of type ${goType}`),
    );
  }

  tooDeep(path: At): void {
    this.errors.push(forbidden(pathOf(path), `nesting deeper than ${MAX_DEPTH} levels is not supported`));
  }

  /** The object at `path`, reporting keys not in `known`; undefined (and maybe an error) otherwise. */
  object(
    value: unknown,
    path: At,
    goType: string,
    known?: ReadonlySet<string>,
  ): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) {
      this.typeError(path, value, goType);
      return undefined;
    }
    if (known) for (const k of Object.keys(value)) if (!known.has(k)) this.unknownField(path, k, known);
    return value;
  }

  string(obj: Record<string, unknown>, name: string, path: At): string | undefined {
    const v = obj[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    this.typeError(child(pathOf(path), name), v, "string");
    return undefined;
  }

  bool(obj: Record<string, unknown>, name: string, path: At): boolean | undefined {
    const v = obj[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "boolean") return v;
    this.typeError(child(pathOf(path), name), v, "bool");
    return undefined;
  }

  /**
   * A Go integer field; floats and out-of-range numbers are rejected like encoding/json does.
   * Numbers are read as sent (asSent), as values are: Infinity and NaN, which only an API caller
   * can hand over (YAML's `.inf` is the loader's error), are null; a bigint is its integer.
   */
  int(obj: Record<string, unknown>, name: string, path: At, bits: 32 | 64 = 64): number | undefined {
    const v = asSent(obj[name]);
    if (v === undefined || v === null) return undefined;
    const limit = bits === 32 ? 2 ** 31 : 2 ** 63;
    if (typeof v === "number" && Number.isInteger(v) && v >= -limit && v < limit) return v;
    // The error shows the value as the caller wrote it (a bigint's every digit).
    this.typeError(child(pathOf(path), name), obj[name], bits === 32 ? "int32" : "int64");
    return undefined;
  }

  /** A Go float64 field, its number read as sent, as for `int`. */
  number(obj: Record<string, unknown>, name: string, path: At): number | undefined {
    const v = asSent(obj[name]);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "number") return v;
    this.typeError(child(pathOf(path), name), obj[name], "float64");
    return undefined;
  }

  array(obj: Record<string, unknown>, name: string, path: At, goType: string): unknown[] | undefined {
    const v = obj[name];
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return dense(v);
    this.typeError(child(pathOf(path), name), v, goType);
    return undefined;
  }

  stringArray(obj: Record<string, unknown>, name: string, path: At): string[] | undefined {
    const arr = this.array(obj, name, path, "[]string");
    if (!arr) return undefined;
    return arr.map((item, i) => {
      if (typeof item === "string") return item;
      if (item !== null) this.typeError(`${child(pathOf(path), name)}[${i}]`, item, "string");
      return "";
    });
  }

  /** `map[string]string`. */
  stringMap(obj: Record<string, unknown>, name: string, path: At): Record<string, string> | undefined {
    const v = obj[name];
    if (v === undefined || v === null) return undefined;
    if (!isPlainObject(v)) {
      this.typeError(child(pathOf(path), name), v, "map[string]string");
      return undefined;
    }
    return Object.fromEntries(
      Object.entries(v).map(([k, item]) => {
        if (typeof item === "string") return [k, item];
        if (item !== null) this.typeError(`${child(pathOf(path), name)}[${k}]`, item, "string");
        return [k, ""];
      }),
    );
  }
}
