/**
 * Loading the Kubernetes conformance anchors (../shared/anchors/...) and matching our errors
 * against them the way their READMEs prescribe: by path and type (and substring when given),
 * each expectation consuming one distinct actual error, none left over.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { FieldError } from "../../src/validate/field-error.js";
import { formatFieldError } from "../../src/validate/format.js";
import { celErrorsForSchema } from "../../src/validate/cel/index.js";
import { V1_CREATE_OPTIONS } from "../../src/validate/options.js";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const ANCHORS_136 = `${SHARED}anchors/k8s-validation-136/`;
export const ANCHORS_126 = `${SHARED}anchors/k8s-validation/`;

export interface Expectation {
  path: string;
  type: string;
  contains?: string;
}

export interface AnchorCase {
  file: string;
  name: string;
  valid: boolean;
  expected_errors: Expectation[];
  crd_v1?: unknown;
  openAPIV3Schema?: unknown;
  options?: Record<string, unknown>;
  status_subresource_enabled?: boolean;
  oracle_v1_roundtrip_errors?: string[];
  oracle_v1_roundtrip_matches_internal?: boolean;
}

export function loadCases(dir: string): AnchorCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => ({ file, ...(parse(readFileSync(dir + file, "utf8")) as Omit<AnchorCase, "file">) }));
}

const TYPE_TEXT: Record<string, string> = {
  "Required value": "FieldValueRequired",
  "Invalid value": "FieldValueInvalid",
  Forbidden: "FieldValueForbidden",
  "Unsupported value": "FieldValueNotSupported",
  "Duplicate value": "FieldValueDuplicate",
  "Too many": "FieldValueTooMany",
  "Too long": "FieldValueTooLong",
  "Internal error": "InternalError",
};

/** Splits a printed Kubernetes error (`path: Type: ...`) into path and type. */
export function parsePrinted(message: string): Expectation {
  const m =
    /^(.*?): (Required value|Invalid value|Forbidden|Unsupported value|Duplicate value|Too many|Too long|Internal error)(?::|$)/s.exec(
      message,
    );
  if (!m) return { path: "?", type: "?" };
  return { path: m[1]!, type: TYPE_TEXT[m[2]!]! };
}

/**
 * Kubernetes' FieldValueTypeInvalid prints exactly like FieldValueInvalid; the shared
 * FieldErrorType has no such member, so we report FieldValueInvalid for it.
 */
function sameType(expected: string, actual: string): boolean {
  return expected === actual || (expected === "FieldValueTypeInvalid" && actual === "FieldValueInvalid");
}

/** A description of every mismatch, empty when the errors match the expectations exactly. */
export function mismatches(expected: readonly Expectation[], actual: readonly FieldError[]): string[] {
  const left = [...actual];
  const problems: string[] = [];
  for (const e of expected) {
    const i = left.findIndex(
      (a) =>
        a.field === e.path &&
        sameType(e.type, a.type) &&
        (!e.contains || formatFieldError(a).includes(e.contains)),
    );
    if (i < 0)
      problems.push(
        `missing ${e.type} at ${e.path}${e.contains ? ` containing ${JSON.stringify(e.contains)}` : ""}`,
      );
    else left.splice(i, 1);
  }
  for (const a of left) problems.push(`unexpected ${formatFieldError(a).slice(0, 300)}`);
  return problems;
}

/** Whether the CEL helper's compiler is present (the placeholder reports nothing for a bad rule). */
export function celAvailable(): boolean {
  const probe = { type: "object", "x-kubernetes-validations": [{ rule: "self.doesNotExist == 1" }] };
  try {
    return celErrorsForSchema(probe, "spec.validation.openAPIV3Schema", V1_CREATE_OPTIONS).length > 0;
  } catch {
    return false;
  }
}
