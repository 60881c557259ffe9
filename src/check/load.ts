/** Reads checked files into YAML documents with positions; `kind: List` items count as documents. */
import { readFileSync } from "node:fs";
import {
  parseYamlDocuments,
  positionOf,
  type PositionTarget,
  type SourcePosition,
  type YamlDocument,
} from "../yaml/load.js";
import { codes } from "../diagnostics/codes.js";
import { isPlainObject } from "../validate/json.js";
import { kubectlListItems } from "../yaml/kubectl-lists.js";
import { kubectlValues } from "../yaml/kubectl-values.js";
import { jsonFileFinding } from "./json-files.js";
import { describeFsError } from "../runtime/fs-error.js";
import { firstActionAnywhere, firstTemplateAction, isChartTemplate, templateValuePath } from "./templates.js";
import type { Yaml11Difference } from "../yaml/yaml11.js";
import type { Finding } from "./finding.js";
import { refusedCharacter } from "./refused-characters.js";
import type { Segment } from "./positions.js";

/** One object to check: a whole document, or one item of a `kind: List` document. */
export interface CheckedObject {
  file: string;
  document: YamlDocument;
  /** Where the object sits inside its document (empty for a whole document). */
  prefix: Segment[];
  value: unknown;
}

export interface LoadedFile {
  file: string;
  text: string;
  documents: YamlDocument[];
  objects: CheckedObject[];
  findings: Finding[];
  yaml11Differences: () => Yaml11Difference[];
}

export type LoadResult = { ok: true; loaded: LoadedFile } | { ok: false; message: string };

/**
 * Reads and parses one file (`shown` is how messages name it). The read is synchronous on
 * purpose: files are checked one after another, and awaiting each read left the thread idle for
 * ~0.6 ms a file (140 ms on the corpus).
 */
export function loadFile(file: string, shown = file): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return { ok: false, message: `cannot read ${shown}: ${describeFsError(e)}` };
  }
  return { ok: true, loaded: parseFile(file, text) };
}

/** Parses a file's text (`file` names it in findings: a path, or `<stdin>`). */
export function parseFile(file: string, text: string): LoadedFile {
  const action = text.includes("{{") && isChartTemplate(file) ? firstActionAnywhere(text) : undefined;
  if (action) return templateFile(file, text, action);
  const loaded = parseYamlDocuments(text, file);
  const { documents, errors, yaml11Differences } = loaded;
  const template = errors.length > 0 ? firstTemplateAction(text) : undefined;
  if (template) return templateFile(file, text, template);
  const findings: Finding[] = errors.map(({ file: _file, message, ...span }) => ({
    file,
    ...span,
    severity: "error",
    code: codes.yamlSyntax,
    path: "",
    type: "YAMLSyntax",
    message: `invalid YAML: ${message}`,
  }));
  // The block reader reads only text without them: a second look through megabytes is spared.
  const refused = loaded.plainCharacters ? undefined : refusedCharacter(file, text);
  if (refused) findings.unshift(refused);
  // YAML (which takes all JSON) read it: kubectl may still read it as JSON, and refuse it.
  const json = errors.length === 0 ? jsonFileFinding(file, text) : undefined;
  if (json) findings.push(json);
  // Only a file with `{{` can hold a template action: the walk is skipped for nearly all.
  for (const document of text.includes("{{") ? documents : []) {
    const at = templateValuePath(document.value);
    if (at) return templateFile(file, text, positionOf(document, at));
  }
  // Asked only for custom resources: a file of CRDs (the corpus) needs no second reading.
  let sent: unknown[] | undefined;
  const objects: CheckedObject[] = [];
  documents.forEach((document, i) => {
    // CRDs are checked as read (CRD2002 warns of YAML 1.1 readings); custom resources as kubectl sends them.
    const value = isCrdObject(document.value) ? document.value : (sent ??= kubectlValues(loaded))[i];
    const items = kubectlListItems(value);
    if (items) {
      items.forEach((item, n) => objects.push({ file, document, prefix: ["items", n], value: item }));
    } else {
      objects.push({ file, document, prefix: [], value });
    }
  });
  return { file, text, documents, objects, findings, yaml11Differences };
}

/** A file of template actions: one error at the first, and nothing checked (its YAML is not the manifest's). */
function templateFile(file: string, text: string, at: SourcePosition): LoadedFile {
  const finding: Finding = {
    file,
    ...at,
    severity: "error",
    code: codes.yamlSyntax,
    path: "",
    type: "Template",
    message:
      "this file holds template actions ({{ ... }}), so it is not YAML until rendered: check the output of `helm template` (or your templating tool) instead",
  };
  return { file, text, documents: [], objects: [], findings: [finding], yaml11Differences: () => [] };
}

/** Source position of `segments` inside `obj`, falling back to the nearest existing parent. */
export function positionIn(
  obj: CheckedObject,
  segments: readonly Segment[],
  target: PositionTarget = "value",
): SourcePosition {
  return positionOf(obj.document, [...obj.prefix, ...segments], target);
}

/**
 * Whether a document is meant as a CRD: of kind CustomResourceDefinition, or of the
 * apiextensions.k8s.io group, whose only other kind is the list. A misspelt kind or apiVersion is
 * checked, and so gets an error that says which; skipped, it would pass without a word.
 */
export function isCrdObject(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const { apiVersion, kind } = value;
  if (kind === "CustomResourceDefinition") return true;
  return (
    typeof apiVersion === "string" &&
    apiVersion.startsWith("apiextensions.k8s.io/") &&
    !(typeof kind === "string" && kind.endsWith("List"))
  );
}
