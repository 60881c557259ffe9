/** crdgen's diagnostics as esbuild messages (src/plugin/esbuild-messages.ts): which list, which notes, which location. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { failed } from "../../src/generate.js";
import { esbuildMessages } from "../../src/plugin/esbuild-messages.js";
import type { PluginOutcome } from "../../src/plugin/run.js";

const dir = mkdtempSync(path.join(tmpdir(), "crdgen-esbuild-messages-"));
const file = path.join(dir, "types.ts");
writeFileSync(file, "export interface A {\r\n  n: bigint;\r\n}\r\n");

const error: Diagnostic = {
  severity: "error",
  code: "CRD1002",
  message: "bigint",
  location: { file, line: 2, column: 3, endLine: 2, endColumn: 4 },
};
const warning: Diagnostic = { severity: "warning", code: "CRD4002", message: "left out", hint: "add it" };
const outcome = (result: PluginOutcome["result"]): PluginOutcome => ({
  result,
  written: [],
  removed: [],
  unchanged: false,
});

test("a failed run: its errors fail the build, located on the line as read (CRLF dropped), the last note says nothing was written", () => {
  const messages = esbuildMessages(outcome(failed([warning, error])), dir, true);
  expect(messages.errors).toEqual([
    {
      text: "CRD1002: bigint",
      location: { file: "types.ts", line: 2, column: 2, length: 1, lineText: "  n: bigint;" },
      notes: [{ text: "crdgen wrote no CRD." }],
    },
  ]);
  expect(messages.warnings).toEqual([{ text: "CRD4002: left out", notes: [{ text: "hint: add it" }] }]);
});

test("without failing (failOnError: false), errors are warnings that say the CRDs were kept", () => {
  const messages = esbuildMessages(outcome(failed([error])), dir, false);
  expect(messages.errors).toEqual([]);
  expect(messages.warnings.map((m) => m.notes)).toEqual([[{ text: "crdgen kept the CRDs on disk." }]]);
});

test("a successful run's warnings are warnings, with no note about the CRDs", () => {
  const ok = { ok: true as const, crds: [], files: [], stream: "", diagnostics: [warning] };
  expect(esbuildMessages(outcome(ok), dir, true)).toEqual({
    errors: [],
    warnings: [{ text: "CRD4002: left out", notes: [{ text: "hint: add it" }] }],
  });
});
