/**
 * One problem at one place is reported once: a tag on a named type is in the schema once per use
 * of the type and per version, and each report named the same tag with the same words.
 */
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { mergeRepeats, sameProblem } from "../../src/diagnostics/repeats.js";
import { fieldPathOf } from "../../src/diagnostics/rejection-tags.js";
import { generateFrom } from "../helpers/generate.js";

const at = { file: "/p/a.ts", line: 4, column: 5 };
const misfit = (path: string): Diagnostic => ({
  severity: "error",
  code: "CRD3006",
  message: "@maxLength does nothing on type array.",
  location: at,
  path,
});

describe("mergeRepeats", () => {
  test("keeps the first of one code, place and message, saying where else it was found", () => {
    const earlier: Diagnostic = { severity: "warning", code: "CRD1019", message: "earlier" };
    const ds = [earlier, misfit("W.spec.a"), misfit("W.spec.b"), misfit("W.spec.a"), misfit("V.spec.a")];
    mergeRepeats(ds, 1);
    expect(ds).toEqual([
      earlier,
      {
        ...misfit("W.spec.a"),
        message: "@maxLength does nothing on type array. (also at W.spec.b and V.spec.a)",
      },
    ]);
  });

  test("names three other places and counts the rest", () => {
    const ds = ["a", "b", "c", "d", "e", "f"].map((p) => misfit(`W.${p}`));
    mergeRepeats(ds, 0);
    expect(ds.map((d) => d.message)).toEqual([
      "@maxLength does nothing on type array. (also at W.b, W.c, W.d and 2 more)",
    ]);
  });

  test("keeps reports that differ in code, place, message or hint, and those without a place", () => {
    const unplaced: Diagnostic = { severity: "error", code: "CRD2001", message: "m" };
    const ds = [
      misfit("W.a"),
      { ...misfit("W.a"), code: "CRD3004" },
      { ...misfit("W.a"), location: { ...at, column: 6 } },
      { ...misfit("W.a"), message: "other" },
      { ...misfit("W.a"), hint: "h" },
      unplaced,
      { ...unplaced },
    ];
    mergeRepeats(ds, 0);
    expect(ds).toHaveLength(7);
  });

  test("merges reports noted as one problem whatever their messages say of the place", () => {
    const one = (field: string, where: string) =>
      sameProblem({ ...misfit("W"), message: `${field}: Required value` }, "Required value", where);
    const ds = [one(".a", "W.spec.a"), one(".b", "W.spec.b")];
    mergeRepeats(ds, 0);
    expect(ds.map((d) => d.message)).toEqual([".a: Required value (also at W.spec.b)"]);
  });
});

test("a repeat's place is its schema path read as far as properties, items and map values go", () => {
  expect(
    fieldPathOf(".properties[spec].properties[ports].items.additionalProperties.x-kubernetes-list-type"),
  ).toBe("spec.ports[][*]");
  expect(fieldPathOf("")).toBe("");
});

const TWO_VERSIONS = (prelude: string, fields: string) => `${prelude}
export interface Spec { ${fields} }
/** @crd @group x.io @version v1 @storageVersion */
export interface Widget { spec?: Spec }
/** @crd @group x.io @version v2 @kind Widget */
export interface Widget2 { spec?: Spec }
`;

describe("a run reports a tag's problem once however often its type is used", () => {
  test("@listType map without @listMapKey on a type used by three fields, in two versions (CRD2001)", () => {
    const result = generateFrom(
      TWO_VERSIONS(
        "/** @listType map */\nexport type Items = { name: string }[];",
        "a?: Items; b?: Items; c?: Items;",
      ),
    );
    const errors = result.diagnostics.filter((d) => d.code === "CRD2001");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.location).toMatchObject({ line: 1, column: 5 });
    expect(errors[0]!.message).toMatch(/is map \(also at Widget2\.spec\.b and Widget2\.spec\.c\)$/);
  });

  test("a misfit value tag on a type used twice, in two versions (CRD3006)", () => {
    const result = generateFrom(
      TWO_VERSIONS("/** @maxLength 63 */\nexport type Names = string[];", "n1?: Names; n2?: Names;"),
    );
    expect(result.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        "CRD3006",
        "Widget.spec.n1",
        "@maxLength does nothing on type array: Kubernetes checks it only on strings. (also at Widget.spec.n2, Widget2.spec.n1 and Widget2.spec.n2)",
      ],
    ]);
  });
});
