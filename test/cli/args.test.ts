/**
 * A single-value option given twice takes the last value, as most command-line tools (and Node's
 * parseArgs) read theirs: a package script's `crdgen api -o crds` is then overridden by
 * appending (`npm run gen -- -o tmp`).
 */
import { expect, test } from "vitest";
import { parseCommandLine } from "../../src/cli/args.js";

const OPTIONS = {
  "out-dir": { type: "string", short: "o", value: "dir" },
  format: { type: "string" },
  instances: { type: "string", multiple: true },
  stdout: { type: "boolean" },
} as const;

test("the last of a repeated single-value option wins; a multiple one keeps each", () => {
  const parsed = parseCommandLine(
    [
      "api",
      "-o",
      "crds",
      "--format",
      "json",
      "--out-dir=tmp",
      "--format=yaml",
      "--instances",
      "a",
      "--instances",
      "b",
    ],
    OPTIONS,
  );
  expect(parsed).toEqual({
    ok: true,
    values: { "out-dir": "tmp", format: "yaml", instances: ["a", "b"] },
    positionals: ["api"],
  });
});

test("a flag given twice is the flag", () => {
  expect(parseCommandLine(["--stdout", "--stdout"], OPTIONS)).toEqual({
    ok: true,
    values: { stdout: true },
    positionals: [],
  });
});
