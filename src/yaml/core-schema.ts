/**
 * How a plain (unquoted) scalar resolves in the YAML 1.2 core schema, exactly as the `yaml`
 * package resolves it: null, booleans, integers (decimal, `0o` octal, `0x` hex), floats
 * (`.inf`, `.nan` included), and strings for everything else.
 */

/** First characters of plain scalars that may not be strings in YAML 1.2 (null, bool, numbers). */
const MAY_RESOLVE = new Set([..."0123456789+-.~nNtTfF"].map((c) => c.charCodeAt(0)));
/** A plain scalar's value in the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(source: string): unknown {
  if (!MAY_RESOLVE.has(source.charCodeAt(0))) return source === "" ? null : source;
  switch (source) {
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    if (source.endsWith("nan") || source.endsWith("NaN") || source.endsWith("NAN")) return NaN;
    return source.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(source)) return parseFloat(source);
  return source;
}
