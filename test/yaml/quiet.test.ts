/** The YAML loader reports through findings only: nothing of the yaml library's own reaches stderr. */
import { afterEach, expect, test, vi } from "vitest";
import { parseYamlDocuments } from "../../src/yaml/load.js";

afterEach(() => vi.restoreAllMocks());

test("a mapping as a key (an unrendered Helm template) prints no warning of the library's", () => {
  const emitWarning = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const loaded = parseYamlDocuments("metadata:\n  name: {{ .Release.Name }}\n", "w.yaml");
  expect(loaded.documents[0]!.value).toEqual({ metadata: { name: { "{ .Release.Name }": null } } });
  expect(emitWarning).not.toHaveBeenCalled();
  expect(warn).not.toHaveBeenCalled();
});
