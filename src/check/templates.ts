/**
 * Helm charts and other Go-templated manifests (`{{- if .Values.crds.enabled }}`) are not YAML
 * until rendered: parsed as they are, one such file gave dozens of YAML errors that say nothing
 * of the cause. A file that is not valid YAML and has a line that is, or ends in, a template
 * action gets one error saying so.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { SourcePosition } from "../yaml/load.js";

/**
 * A line whose content starts with an action (`{{- end }}`, `{{ include "x" . }}`), or a value
 * that is one (`replicas: {{ .Values.n }}`). A `{{` inside a quoted string or a description is
 * valid YAML, and only a file that fails to parse is looked at.
 */
const ACTION = /^([ \t]*(?:-[ \t]+)?(?:[^\s#'"][^#'"]*?:[ \t]+)?)\{\{[^}]*\}\}/m;

/** Where the first template action of `text` is, if it has one, spanning it when it is on one line. */
export function firstTemplateAction(text: string): SourcePosition | undefined {
  const m = ACTION.exec(text);
  if (!m) return undefined;
  const start = m.index + m[1]!.length;
  const line = text.slice(0, start).split("\n").length;
  const column = start - text.lastIndexOf("\n", start - 1);
  const action = m[0].slice(m[1]!.length);
  return /[\r\n]/.test(action)
    ? { line, column }
    : { line, column, endLine: line, endColumn: column + action.length };
}

/**
 * A template action that is a whole value (`name: {{ .Release.Name }}`) is valid YAML: a flow
 * mapping whose only key is another flow mapping, which YAML readers name by its text
 * (`{ .Release.Name }`) with a null value. No one writes that on purpose, so a document holding
 * one is a template too. Returns the path of the value the action stands in for.
 */
export function templateValuePath(value: unknown): (string | number)[] | undefined {
  const path: (string | number)[] = [];
  return holdsActionValue(value, path) ? path : undefined;
}

/** The walk, with one path pushed and popped: a CRD's every node walked, in files that mention `{{`. */
function holdsActionValue(value: unknown, path: (string | number)[]): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      if (holdsActionValue(value[i], path)) return true;
      path.pop();
    }
    return false;
  }
  if (typeof value !== "object" || value === null) return false;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1 && ACTION_KEY.test(keys[0]!) && object[keys[0]!] === null) return true;
  for (const key of keys) {
    path.push(key);
    if (holdsActionValue(object[key], path)) return true;
    path.pop();
  }
  return false;
}

const ACTION_KEY = /^\{.*\}$/s;

/**
 * Whether `file` is a template of a Helm chart: under a `templates` folder beside a `Chart.yaml`.
 * Such a file is a template even when its actions are all quoted (`name: "{{ .Release.Name }}"`),
 * which is valid YAML: checked as it is, it gave errors about values no one will send
 * (`metadata.name: Invalid value: "{{ .Release.Name }}"`). Elsewhere a quoted `{{ }}` is often
 * meant (an ApplicationSet's `'{{.path.basename}}'`, an Argo Workflow's parameters).
 */
export function isChartTemplate(file: string): boolean {
  if (!path.isAbsolute(file)) return false;
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (path.basename(dir) === "templates" && existsSync(path.join(path.dirname(dir), "Chart.yaml")))
      return true;
  }
  return false;
}

/** Where the first `{{` of `text` is, spanning the action when it ends on its line. */
export function firstActionAnywhere(text: string): SourcePosition | undefined {
  const start = text.indexOf("{{");
  if (start < 0) return undefined;
  const line = text.slice(0, start).split("\n").length;
  const column = start - text.lastIndexOf("\n", start - 1);
  const close = text.indexOf("}}", start);
  const action = close < 0 ? "" : text.slice(start, close + 2);
  return action && !/[\r\n]/.test(action)
    ? { line, column, endLine: line, endColumn: column + action.length }
    : { line, column };
}
