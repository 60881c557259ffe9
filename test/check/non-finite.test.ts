/**
 * Numbers kubectl cannot send as crdgen reads them (src/yaml/yaml11.ts): `.inf` and `.nan`
 * make kubectl reject the whole file (go-yaml reads a float JSON has no value for), and a plain
 * `1e400` reaches the cluster as the string "1e400" where crdgen's YAML 1.2 reads Infinity.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { check, crdYaml, tempDir, type JsonFinding } from "./harness.js";

async function findings(text: string): Promise<{ code: number; found: JsonFinding[] }> {
  const dir = tempDir({ "crd.yaml": text });
  const run = await check(["crd.yaml", "--format", "json"], dir);
  return { code: run.code, found: JSON.parse(run.stdout) as JsonFinding[] };
}

/** The CRD with `color` given a default written `value` (and `color` of `type`). */
function withDefault(value: string, type = "number"): string {
  return crdYaml((t) =>
    t.replace(
      "color:\n                  type: string\n",
      `color:\n                  type: ${type}\n                  default: ${value}\n`,
    ),
  );
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("infinity and NaN, which kubectl cannot make JSON of", () => {
  test.each([
    [".inf", "+Inf"],
    ["+.Inf", "+Inf"],
    ["-.INF", "-Inf"],
    [".nan", "NaN"],
    [".NaN", "NaN"],
  ])("default: %s is an error at the value, in kubectl's words", async (value, go) => {
    const text = withDefault(value);
    const { code, found } = await findings(text);
    expect(code).toBe(1);
    expect(found.map((f) => [f.code, f.severity, f.line, f.column, f.endColumn, f.message, f.hint])).toEqual([
      [
        "CRD2006",
        "error",
        lineOf(text, "default:"),
        28,
        28 + value.length,
        `invalid YAML for kubectl: it reads ${value} as a float JSON has no value for ("json: unsupported value: ${go}"), which rejects the whole file`,
        `quote it if a string is meant (${JSON.stringify(value)}), or write a number within ±1.7976931348623157e308`,
      ],
    ]);
  });

  test("in a schema keyword, it is the one error: the validator reads the null JSON would send", async () => {
    const text = crdYaml((t) => t.replace("minimum: 1", "minimum: -.inf"));
    const { code, found } = await findings(text);
    expect(code).toBe(1);
    expect(found.map((f) => [f.code, f.line])).toEqual([["CRD2006", lineOf(text, "minimum:")]]);
  });

  // Every place a value can be, whichever of the loader's two readers reads it.
  test.each([
    ["a flow sequence", "[1, .inf]", ".inf"],
    ["a flow mapping", "{a: -.Inf}", "-.Inf"],
    ["a block sequence", "\n                    - .NAN", ".NAN"],
    ["before a comment", ".inf # none", ".inf"],
    ["an exponent with a sign", "[-1E+400]", "-1E+400"],
    ["a leading dot", "[.5e999]", ".5e999"],
    ["309 digits", `[${"9".repeat(309)}]`, "9".repeat(309)],
  ])("in %s", async (_where, value, reported) => {
    const text = crdYaml((t) =>
      t.replace(
        "color:\n",
        `color:\n                  x-kubernetes-preserve-unknown-fields: true\n                  example: ${value}\n`,
      ),
    );
    const { found } = await findings(text);
    // The example is no string: that finding is the lint's, beside this one.
    const ours = found.filter((f) => f.code === "CRD2006" || f.code === "CRD2002");
    expect(ours.map((f) => f.message)).toEqual([expect.stringContaining(` ${reported} as `) as unknown]);
  });
});

describe("numbers beyond a 64-bit float, which kubectl reads as strings", () => {
  test("tagged !!float, kubectl's reader refuses it", async () => {
    const { code, found } = await findings(withDefault("!!float 1e400"));
    expect(code).toBe(1);
    expect(found.map((f) => [f.code, f.message])).toEqual([
      [
        "CRD2006",
        "invalid YAML for kubectl: its reader cannot decode 1e400 as a !!float, being beyond the largest 64-bit float, which rejects the whole file",
      ],
    ]);
  });

  test("default: 1e400 is a warning naming both readings", async () => {
    const text = withDefault("1e400");
    const { code, found } = await findings(text);
    expect(code).toBe(0);
    expect(found.map((f) => [f.code, f.severity, f.line, f.message, f.hint])).toEqual([
      [
        "CRD2002",
        "warning",
        lineOf(text, "default:"),
        'kubectl reads the value 1e400 as the string "1e400", being beyond the largest 64-bit float; crdgen (YAML 1.2) reads the number Infinity, and checks that',
        "write a number within ±1.7976931348623157e308, or quote it if a string is meant",
      ],
    ]);
  });

  test("any number past the largest float64, in any form, and only those", async () => {
    const beyond = fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.nat(99),
        fc.integer({ min: 309, max: 999 }),
        fc.constantFrom("", "-"),
      )
      .map(([lead, fraction, exponent, sign]) => `${sign}${lead}.${fraction}e${exponent}`);
    await fc.assert(
      fc.asyncProperty(beyond, async (n) => {
        const { found } = await findings(withDefault(n));
        expect(found.map((f) => [f.code, f.message.split(",")[0]])).toEqual([
          ["CRD2002", `kubectl reads the value ${n} as the string "${n}"`],
        ]);
      }),
      { numRuns: 5 },
    );
  });

  test.each([
    ["the largest float64", "1.7976931348623157e308", "number"],
    ["a number that rounds to 0", "1e-400", "number"],
    ["a quoted .inf (a string)", "'.inf'", "string"],
    ["a quoted 1e400 (a string)", '"1e400"', "string"],
    ["a word that starts like one", ".info", "string"],
    ["a string by its tag", "!!str 1e400", "string"],
    ["a string by its tag, .inf", "!!str .inf", "string"],
  ])("%s passes", async (_what, value, type) => {
    const { code, found } = await findings(withDefault(value, type));
    expect(found).toEqual([]);
    expect(code).toBe(0);
  });

  test("a key .inf is a string to kubectl, and not reported", async () => {
    const text = crdYaml((t) =>
      t.replace("color:\n", "color:\n                  example:\n                    .inf: 1\n"),
    );
    const { found } = await findings(text);
    expect(found.filter((f) => f.code === "CRD2006" || f.code === "CRD2002")).toEqual([]);
  });
});
