/**
 * GitHub Actions workflow commands (`::error file=a.yaml,line=3::message`), which `check` and
 * `diff` print with `--format github`. Data escapes %, CR and LF; property values also `:` and `,`.
 */
export type WorkflowLevel = "error" | "warning" | "notice";

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One command line, newline included; properties are written in the order given. */
export function workflowCommand(
  level: WorkflowLevel,
  properties: ReadonlyArray<readonly [string, string | number]>,
  message: string,
): string {
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${level}${props ? ` ${props}` : ""}::${escapeData(message)}\n`;
}
