/**
 * A named type's @deprecated note is part of its description, and a field with a doc of its
 * own (which replaces the type's) still says it: the help promises the note wherever the type is.
 */
import { expect, test } from "vitest";
import { specSchema, withRoot } from "../helpers/generate.js";

const PRELUDE = `/** Old settings. @deprecated use New */
export interface Old { x?: string }
/** @deprecated */
export type Gone = string;
export type StillOld = Old;`;

test("a deprecated type's note follows it into fields that have their own doc", () => {
  const spec = specSchema(
    withRoot(
      `{
  plain?: Old;
  /** Settings of the old kind. */
  documented?: Old;
  /** A name. */
  name?: Gone;
  /** Through an alias. */
  aliased?: StillOld;
  list?: Old[];
}`,
      PRELUDE,
    ),
  );
  const description = (name: string) => spec.properties![name]!.description;
  expect(description("plain")).toBe("Old settings.\n\nDeprecated: use New");
  expect(description("documented")).toBe("Settings of the old kind.\n\nDeprecated: use New");
  expect(description("name")).toBe("A name.\n\nDeprecated.");
  expect(description("aliased")).toBe("Through an alias.\n\nDeprecated: use New");
  expect(spec.properties!.list!.items!).toMatchObject({
    description: "Old settings.\n\nDeprecated: use New",
  });
  expect(JSON.stringify(spec)).not.toContain("x-crdgen");
});
