/**
 * kubectl reads a file that starts with `{` as JSON (src/check/json-files.ts): what YAML takes
 * beyond JSON (a trailing comma, a comment, single quotes, a bare word) passes crdgen's YAML
 * reading, and must still be an error at the character kubectl's JSON reader stops at.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { jsonProblem } from "../../src/check/json-files.js";
import { holdsNonFinite } from "../../src/schema/out-of-range-numbers.js";
import { check, tempDir, type JsonFinding } from "./harness.js";

async function findings(text: string): Promise<{ code: number; found: JsonFinding[] }> {
  const dir = tempDir({ "crd.json": text });
  const run = await check(["crd.json", "--format", "json"], dir);
  return { code: run.code, found: JSON.parse(run.stdout) as JsonFinding[] };
}

const CRD = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.example.com" },
  spec: {
    group: "example.com",
    names: { kind: "Widget", plural: "widgets" },
    scope: "Namespaced",
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: "object", properties: { size: { type: "integer" } } } },
      },
    ],
  },
};
const TEXT = JSON.stringify(CRD, null, 2);

describe("a CRD file kubectl reads as JSON", () => {
  test.each([
    [
      "a trailing comma",
      '"type": "integer"',
      '"type": "integer",',
      "invalid character '}' looking for beginning of object key string",
      "}",
    ],
    [
      "a comment",
      '"served": true,',
      '"served": true, # on',
      "invalid character '#' looking for beginning of object key string",
      "#",
    ],
    [
      "single quotes",
      '"served": true',
      "'served': true",
      "invalid character '\\'' looking for beginning of object key string",
      "'",
    ],
    [
      "a bare word",
      '"served": true',
      '"served": yes',
      "invalid character 'y' looking for beginning of value",
      "y",
    ],
    [
      "a number beyond a float64",
      '"type": "integer"',
      '"type": "integer", "maximum": 1e400',
      "the number 1e400 is beyond the largest 64-bit float, which kubectl's JSON reader refuses",
      "1e400",
    ],
  ])("%s is an error at the character kubectl stops at", async (_what, from, to, message, at) => {
    const text = TEXT.replace(from, to);
    expect(text).not.toBe(TEXT);
    const { code, found } = await findings(text);
    expect(code).toBe(1);
    const ours = found.filter((f) => f.code === "CRD2006");
    expect(ours.map((f) => f.message)).toEqual([
      `invalid JSON for kubectl, which reads a file starting with "{" as JSON: ${message}`,
    ]);
    // Where it points: the line holding the edit (or the next, for a trailing comma), at `at`.
    const line = text.split("\n")[ours[0]!.line - 1]!;
    expect(line.slice(ours[0]!.column - 1).startsWith(at)).toBe(true);
  });

  test("valid JSON passes, indented or on one line, and so does a stream of objects", async () => {
    for (const text of [TEXT, JSON.stringify(CRD), `\n  ${TEXT}\n`]) {
      const { code, found } = await findings(text);
      expect(found).toEqual([]);
      expect(code).toBe(0);
    }
    expect(jsonProblem(`${JSON.stringify(CRD)}\n${JSON.stringify(CRD)}`)).toBeUndefined();
  });

  test.each([
    ["an unquoted on", "on"],
    ["an unquoted .inf", ".inf"],
  ])("%s is the one JSON error, not also a YAML 1.1 finding", async (_what, value) => {
    const text = TEXT.replace('"served": true', `"served": ${value}`);
    const { found } = await findings(text);
    expect(found.filter((f) => f.code === "CRD2006" || f.code === "CRD2002").map((f) => f.message)).toEqual([
      `invalid JSON for kubectl, which reads a file starting with "{" as JSON: invalid character '${value[0]!}' looking for beginning of value`,
    ]);
  });

  test("a YAML file is not read as JSON, whatever it holds", async () => {
    const dir = tempDir({ "crd.yaml": `# a comment\n${TEXT.replace('"served": true', "'served': yes")}` });
    const run = await check(["crd.yaml", "--format", "json"], dir);
    const found = JSON.parse(run.stdout) as JsonFinding[];
    expect(found.filter((f) => f.code === "CRD2006")).toEqual([]);
  });
});

describe("jsonProblem", () => {
  test("an end of input inside a value", () => {
    expect(jsonProblem('{"a": [1, 2')).toMatchObject({ offset: 11, message: "unexpected end of JSON input" });
    expect(jsonProblem('{"a": "b')).toMatchObject({ message: "unexpected end of JSON input" });
  });

  test("agrees with JSON.parse on any JSON text with one character changed, inserted or deleted", () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom("delete", "insert", "replace"),
      fc.constantFrom(...'{}[]",:1e-.tnx \n\\u'),
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), edit, (value, [at, kind, c]) => {
        const text = JSON.stringify({ v: value }, null, 1);
        const i = at % text.length;
        const edited =
          kind === "delete"
            ? text.slice(0, i) + text.slice(i + 1)
            : text.slice(0, i) + c + text.slice(kind === "insert" ? i : i + 1);
        let parsed: unknown;
        let error: string | undefined;
        try {
          parsed = JSON.parse(edited);
        } catch (e) {
          error = (e as Error).message;
        }
        const problem = jsonProblem(edited);
        if (error === undefined) {
          // JSON.parse reads 1e400 as Infinity, which kubectl refuses: the one difference.
          if (holdsNonFinite(parsed))
            expect(problem?.message, edited).toMatch(/beyond the largest 64-bit float/);
          else expect(problem, edited).toBeUndefined();
        } else if (!/after JSON/.test(error)) {
          // Several values one after another are a stream kubectl reads; anything else is an error.
          expect(problem, `${edited}\n${error}`).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });
});
