/** `crdgen check`'s human report: the code frame of each finding, in time linear in the findings. */
import { describe, expect, test } from "vitest";
import type { Finding } from "../../src/check/finding.js";
import { formatHuman } from "../../src/check/report.js";

const FILE = "/work/crds.yaml";

function finding(line: number, column = 1): Finding {
  return {
    file: FILE,
    line,
    column,
    severity: "warning",
    code: "CRD2002",
    path: "",
    type: "Test",
    message: `at ${line}`,
  };
}

const report = (text: string, findings: Finding[]) =>
  formatHuman(findings, new Map([[FILE, text]]), "/work", { files: 1, crds: 1, instances: 0 });

describe("code frames", () => {
  test.each([
    ["a line in the middle", "a: 1\nb: 2\nc: 3\n", 2, "2 b: 2"],
    ["the first line", "a: 1\nb: 2\n", 1, "1 a: 1"],
    ["a last line with no line break", "a: 1\nb: 2", 2, "2 b: 2"],
    ["a line ending in CRLF", "a: 1\r\nb: 2\r\nc: 3\r\n", 2, "2 b: 2\n"],
  ])("%s", (_what, text, line, frame) => {
    const out = report(text, [finding(line)]);
    expect(out).toContain(`crds.yaml:${line}:1 - warning CRD2002: at ${line}`);
    expect(out).toContain(`\n\n${frame}`);
    expect(out).not.toContain("\r");
  });

  test("a line beyond the end has no frame", () => {
    expect(report("a: 1\n", [finding(9)])).toBe(
      "crds.yaml:9:1 - warning CRD2002: at 9\n0 errors, 1 warning (checked 1 CRD in 1 file)\n",
    );
  });
});

test("many findings in a large file take time linear in their number (the file is indexed once)", () => {
  const lines = 200_000;
  const text = Array.from({ length: lines }, (_, i) => `key${i}: value`).join("\n");
  const findings = Array.from({ length: 4_000 }, (_, i) => finding(1 + i * 50));
  const started = performance.now();
  const out = report(text, findings);
  // Splitting the whole text for each frame, as before, took close to a minute here.
  expect(performance.now() - started).toBeLessThan(3_000);
  expect(out).toContain("\n\n199951 key199950: value\n");
});
