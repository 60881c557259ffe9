import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import type { FieldError, FieldErrorType } from "../../src/validate/field-error.js";
import { formatFieldError } from "../../src/validate/format.js";
import { validateInstance } from "../../src/validate/instance/index.js";

/**
 * Kubernetes 1.36.3's verdicts on 303 custom resources (instance-oracle/CASES-136.tsv): every
 * verdict must agree, and every error must be matched by path and type.
 */
const ORACLE = fileURLToPath(
  new URL("../../../shared/anchors/k8s-validation/instance-oracle/", import.meta.url),
);
const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));

const TYPE_BY_TEXT: ReadonlyArray<[string, FieldErrorType]> = [
  ["Invalid value", "FieldValueInvalid"],
  ["Required value", "FieldValueRequired"],
  ["Unsupported value", "FieldValueNotSupported"],
  ["Duplicate value", "FieldValueDuplicate"],
  ["Too long", "FieldValueTooLong"],
  ["Too many", "FieldValueTooMany"],
  ["Forbidden", "FieldValueForbidden"],
  ["Internal error", "InternalError"],
];

interface ExpectedError {
  path: string;
  type: FieldErrorType;
  text: string;
}

function parseExpected(text: string): ExpectedError {
  const sep = text.indexOf(": ");
  const path = text.slice(0, sep);
  const rest = text.slice(sep + 2);
  const found = TYPE_BY_TEXT.find(([t]) => rest.startsWith(t));
  return { path: path === "<nil>" ? "" : path, type: found?.[1] ?? "InternalError", text };
}

interface Case {
  instance: string;
  crdPath: string;
  valid: boolean;
  errors: ExpectedError[];
}

const cases: Case[] = readFileSync(`${ORACLE}CASES-136.tsv`, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((line) => {
    const [instance = "", crdPath = "", verdict = "", ...errors] = line.split("\t");
    return {
      instance,
      crdPath,
      valid: verdict === "VALID",
      errors: errors.filter(Boolean).map(parseExpected),
    };
  });

const crdCache = new Map<string, CustomResourceDefinition>();
function loadCrd(path: string): CustomResourceDefinition {
  let crd = crdCache.get(path);
  if (!crd) {
    const docs = parseAllDocuments(readFileSync(CORPUS + path, "utf8")).map(
      (d) => d.toJS() as CustomResourceDefinition,
    );
    crd = docs.find((d) => d?.kind === "CustomResourceDefinition") ?? (docs[0] as CustomResourceDefinition);
    crdCache.set(path, crd);
  }
  return crd;
}

function key(e: { path: string; type: string }): string {
  return `${e.path} ${e.type}`;
}

function outcome(c: Case): { agrees: boolean; got: FieldError[] } {
  const instance: unknown = parse(readFileSync(ORACLE + c.instance, "utf8"));
  const got = validateInstance(loadCrd(c.crdPath), instance).errors;
  const gotKeys = got.map((e) => key({ path: e.field, type: e.type })).sort();
  const wantKeys = c.errors.map(key).sort();
  return {
    agrees: (got.length === 0) === c.valid && JSON.stringify(gotKeys) === JSON.stringify(wantKeys),
    got,
  };
}

describe("instance-oracle (Kubernetes 1.36.3)", () => {
  const results = cases.map((c) => ({ c, ...outcome(c) }));

  it("has every case of the table", () => {
    expect(cases.length).toBe(303);
  });

  it("agrees with every verdict and error", () => {
    const disagreements = results
      .filter((r) => !r.agrees)
      .map((r) => ({
        instance: r.c.instance,
        want: r.c.errors.map((e) => e.text),
        got: r.got.map(formatFieldError),
      }));
    expect(disagreements).toEqual([]);
    expect(results.filter((r) => r.agrees)).toHaveLength(303);
  });
});
