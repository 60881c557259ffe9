/** What a run that threw tells the bundler (src/plugin/run.ts, report.ts): never a stack trace, never a write error unless it is one. */
import { expect, test } from "vitest";
import { reportOf } from "../../src/plugin/report.js";
import { runFailure } from "../../src/plugin/run.js";

test("a failure other than writing is crdgen's own message; with failOnError off, a warning that the CRDs were kept", () => {
  const outcome = runFailure(new TypeError("x is undefined"));
  expect(outcome.result).toMatchObject({ ok: false, diagnostics: [] });
  const failing = "crdgen: internal error: x is undefined\nPlease report this with the input that caused it.";
  expect(reportOf(outcome, "/p", true)).toEqual({ error: failing });
  expect(reportOf(outcome, "/p", false)).toEqual({ warning: `${failing}\nThe CRDs on disk were kept.` });
});

test("a file-system error is CRD4003", () => {
  const error = Object.assign(new Error("EACCES: permission denied, open '/p/crds/a.yaml'"), {
    code: "EACCES",
    syscall: "open",
    path: "/p/crds/a.yaml",
  });
  const outcome = runFailure(error);
  expect(outcome.failure).toBeUndefined();
  expect(outcome.result.diagnostics).toEqual([
    expect.objectContaining({
      code: "CRD4003",
      message: "could not write output to /p/crds/a.yaml: permission denied",
    }),
  ]);
  expect(reportOf(outcome, "/p", true).error).toContain("error CRD4003: could not write output");
});
