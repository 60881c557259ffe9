/**
 * Printer columns checked against the schema (src/emit/version-checks.ts): a path into metadata
 * is checked against ObjectMeta's fields, with a did-you-mean, and an integer column on a number
 * field says what to change.
 */
import { describe, expect, test } from "vitest";
import { errorsOf, generateFrom } from "../helpers/generate.js";

const source = (column: string) => `
/**
 * @crd
 * @group example.com
 * @version v1
 * @printColumn ${column}
 */
export interface Job { spec: Spec }
export interface Spec { ratio?: number; count?: number }
`;

/** The one error of a source, as `message || hint`. */
function theError(column: string): string {
  const errors = errorsOf(source(column));
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return `${errors[0]!.message} || ${errors[0]!.hint ?? ""}`;
}

describe("a printer column's path into metadata", () => {
  test.each([
    [".metadata.creationTimestmp", "did you mean .metadata.creationTimestamp?"],
    [".metadata.Name", "did you mean .metadata.name?"],
    [".metadata.lables", "did you mean .metadata.labels?"],
    [".metadata['namespce']", "did you mean .metadata.namespace?"],
    [
      ".metadata.status",
      "metadata holds ObjectMeta's fields: name, generateName, namespace, selfLink, uid, resourceVersion, generation, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields",
    ],
  ])("%s: %s", (path, hint) => {
    expect(theError(`name=X type=string jsonPath=${path}`)).toBe(
      `Printer column "X" path ${path} does not exist in Job's schema (no field at ${path}). || ${hint}`,
    );
  });

  test.each([
    ".metadata.creationTimestamp",
    ".metadata.labels.app",
    // ObjectMeta's fields whose schema crdgen does not model: Kubernetes has them (cluster-api's columns).
    '.metadata.ownerReferences[?(@.kind=="Cluster")].name',
    ".metadata.finalizers",
    ".metadata.deletionGracePeriodSeconds",
  ])("%s is a field of ObjectMeta", (path) => {
    expect(generateFrom(source(`name=X type=string jsonPath=${path}`)).diagnostics).toEqual([]);
  });
});

describe("a printer column's type against its field's", () => {
  test("type=integer on a number: the hint names both fixes", () => {
    expect(theError("name=R type=integer jsonPath=.spec.ratio")).toBe(
      `Printer column "R" has type integer but .spec.ratio is number. || write type=number, or type the field int32, int64 or integer (no format, as Go's int)`,
    );
    expect(generateFrom(source("name=R type=number jsonPath=.spec.ratio")).diagnostics).toEqual([]);
  });

  test("type=boolean on a number has no such hint", () => {
    expect(theError("name=R type=boolean jsonPath=.spec.ratio")).toBe(
      'Printer column "R" has type boolean but .spec.ratio is number. || ',
    );
  });
});
