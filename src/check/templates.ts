/**
 * Helm charts and other Go-templated manifests (`{{- if .Values.crds.enabled }}`) are not YAML
 * until rendered: parsed as they are, one such file gave dozens of YAML errors that say nothing
 * of the cause. A file that is not valid YAML and has a line that is, or ends in, a template
 * action gets one error saying so.
 */
import type { SourcePosition } from "../yaml/load.js";

/**
 * A line whose content starts with an action (`{{- end }}`, `{{ include "x" . }}`), or a value
 * that is one (`replicas: {{ .Values.n }}`). A `{{` inside a quoted string or a description is
 * valid YAML, and only a file that fails to parse is looked at.
 */
const ACTION = /^([ \t]*(?:-[ \t]+)?(?:[^\s#'"][^#'"]*?:[ \t]+)?)\{\{[^}]*\}\}/m;

/** Where the first template action of `text` is, if it has one. */
export function firstTemplateAction(text: string): SourcePosition | undefined {
  const m = ACTION.exec(text);
  if (!m) return undefined;
  const start = m.index + m[1]!.length;
  const line = text.slice(0, start).split("\n").length;
  return { line, column: start - text.lastIndexOf("\n", start - 1) };
}
