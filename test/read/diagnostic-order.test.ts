/**
 * What reading finds is reported in the order of the files, by line and column, as tsc lists its
 * errors: crdgen reads a root's types depth-first, which reported a field's type before the field,
 * and a Go file pasted whole listed its markers out of order.
 */
import { describe, expect, test } from "vitest";
import { inSourceOrder } from "../../src/diagnostics/source-order.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generateFrom } from "../helpers/generate.js";

const at = (file: string, line: number, column: number, message = ""): Diagnostic => ({
  severity: "error",
  code: "CRD1017",
  message,
  location: { file, line, column },
});

describe("reading's diagnostics, in source order", () => {
  test("a field's markers before those of the type it refers to, declared below it", () => {
    const source = `/**
 * @crd
 * @group velero.io
 * @version v1
 */
export interface Backup { spec?: BackupSpec; status?: BackupStatus }
export interface BackupSpec {
  /**
   * +nullable
   */
  includedNamespaces?: string[];
}
export interface BackupStatus {
  /** +optional */
  phase: BackupPhase;
  /**
   * +nullable
   */
  validationErrors?: string[];
}
/**
 * +kubebuilder:validation:Enum=New;Queued
 */
export type BackupPhase = string;
`;
    const result = generateFrom(source);
    expect(result.diagnostics.map((d) => [d.location?.line, d.location?.column, d.message])).toEqual([
      [9, 6, "+nullable is a controller-gen marker, which crdgen does not read."],
      [14, 7, "+optional is a controller-gen marker, which crdgen does not read."],
      [17, 6, "+nullable is a controller-gen marker, which crdgen does not read."],
      [
        22,
        4,
        "+kubebuilder:validation:Enum=New;Queued is a controller-gen marker, which crdgen does not read.",
      ],
    ]);
  });

  test("what Kubernetes would refuse of the generated CRD, too, by line", () => {
    // Validation walks the schema, properties sorted by name: `items` came before `one`.
    const source = `/** @crd @group a.io @version v1 */
export interface O { spec: Spec }
export interface Spec {
  /** @validation rule="has(self.selectr)" */
  one: { name?: string; selector?: string };
  /** @listMapKey type */
  items?: { type: string }[];
}
`;
    const result = generateFrom(source);
    expect(result.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ["CRD2001", 4],
      ["CRD2001", 6],
    ]);
  });

  test("files in the order first reported; one place keeps the order reported; no place goes last", () => {
    const unplaced: Diagnostic = { severity: "warning", code: "CRD1016", message: "u" };
    const ordered = inSourceOrder([
      at("/p/b.ts", 9, 1, "b9"),
      unplaced,
      at("/p/a.ts", 3, 5, "a3:5"),
      at("/p/b.ts", 2, 7, "b2:7 first"),
      at("/p/a.ts", 3, 2, "a3:2"),
      at("/p/b.ts", 2, 7, "b2:7 second"),
      at("/p/b.ts", 2, 3, "b2:3"),
    ]);
    expect(ordered.map((d) => d.message)).toEqual([
      "b2:3",
      "b2:7 first",
      "b2:7 second",
      "b9",
      "a3:2",
      "a3:5",
      "u",
    ]);
  });
});
