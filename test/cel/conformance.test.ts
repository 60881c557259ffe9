import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { CustomResourceDefinition, JSONSchemaProps } from "../../src/schema/types.js";
import { celErrorsForCrd, celErrorsForSchema } from "../../src/validate/cel/index.js";
import type { FieldError } from "../../src/validate/field-error.js";
import { formatFieldError } from "../../src/validate/format.js";
import { type ValidationOptions, V1_CREATE_OPTIONS } from "../../src/validate/options.js";

/**
 * Kubernetes 1.36.3's own CRD validation tests (k8s-validation-136): every error that concerns a
 * rule (`...x-kubernetes-validations[i]...`) or the schema's total rule cost must come out of
 * our CEL checks with the same path and type, and no other CEL error may appear.
 */
const ANCHORS = fileURLToPath(new URL("../../../shared/anchors/k8s-validation-136/", import.meta.url));

interface ActualError {
  path: string;
  type: FieldError["type"];
  detail: string;
  message: string;
}

interface SchemaCase {
  name: string;
  openAPIV3Schema: JSONSchemaProps | null;
  options: Omit<
    ValidationOptions,
    "requireRecognizedConversionReviewVersion" | "allowInvalidCABundle" | "requireOpenAPISchema"
  > &
    Partial<ValidationOptions>;
  actual_errors: ActualError[] | null;
  valid: boolean;
}

interface CreateCase {
  name: string;
  crd_v1: CustomResourceDefinition;
  actual_errors: ActualError[] | null;
  valid: boolean;
}

const V1_CREATE: ValidationOptions = V1_CREATE_OPTIONS;

/** Errors our CEL checks own: per-rule errors and the schema-wide cost budget. */
function isCelError(path: string, detail: string): boolean {
  return (
    /x-kubernetes-validations\[\d+\]/.test(path) ||
    detail.includes("x-kubernetes-validations estimated rule cost total")
  );
}

function load<T>(folder: string): Array<{ file: string; data: T }> {
  const dir = `${ANCHORS}${folder}/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => ({ file, data: parse(readFileSync(dir + file, "utf8")) as T }));
}

function keyOf(e: { path?: string; field?: string; type: string }): string {
  return `${e.path ?? e.field ?? ""} ${e.type}`;
}

/**
 * cel-go's ANTLR parser keeps going after a syntax error and reports follow-up errors; the
 * engine stops at the first. Where Kubernetes prints several issues we match the first one.
 */
const FOLLOW_UP_SYNTAX_ERRORS = "after its first syntax error cel-go reports ANTLR's recovery errors too";

function firstIssue(message: string): string {
  const second = message.indexOf("\nERROR: <input>");
  return second < 0 ? message : message.slice(0, second);
}

function compare(actual: readonly FieldError[], expected: readonly ActualError[]): void {
  const want = expected.filter((e) => isCelError(e.path, e.detail));
  expect(actual.map(keyOf).sort()).toEqual(want.map(keyOf).sort());
  // Messages must be Kubernetes' own, byte for byte (cost factors, compiler issues, bad values).
  const got = actual.map(formatFieldError).sort();
  const wanted = want.map((w) => firstIssue(w.message)).sort();
  expect(
    got,
    want.some((w) => w.message !== firstIssue(w.message)) ? FOLLOW_UP_SYNTAX_ERRORS : undefined,
  ).toEqual(wanted);
}

const schemaCases = load<SchemaCase>("schema").filter(({ data }) =>
  JSON.stringify(data.openAPIV3Schema ?? {}).includes("x-kubernetes-validations"),
);

describe("k8s-validation-136 schema cases with x-kubernetes-validations", () => {
  it("covers the CEL cases", () => {
    expect(schemaCases.length).toBeGreaterThanOrEqual(60);
  });
  for (const { file, data } of schemaCases) {
    it(`${file}`, () => {
      const options: ValidationOptions = { ...V1_CREATE, ...data.options };
      const errors = data.openAPIV3Schema
        ? celErrorsForSchema(data.openAPIV3Schema, "spec.validation.openAPIV3Schema", options)
        : [];
      compare(errors, data.actual_errors ?? []);
    });
  }
});

const createCases = load<CreateCase>("create").filter(({ data }) =>
  JSON.stringify(data.crd_v1).includes("x-kubernetes-validations"),
);

describe("k8s-validation-136 create cases with x-kubernetes-validations", () => {
  for (const { file, data } of createCases) {
    it(`${file}`, () => {
      compare(celErrorsForCrd(data.crd_v1, V1_CREATE), data.actual_errors ?? []);
    });
  }
});
