/**
 * A did-you-mean for a printer column's `type=` or `format=` Kubernetes does not know
 * (`@printColumn name=Age type=strin ...`): its error lists the values it takes, and the hint
 * names the one meant, a misspelling's or another schema language's name for it (`int`, `bool`).
 */
import type { FieldError } from "../validate/field-error.js";
import { didYouMean } from "../tags/suggest.js";

const COLUMN_VALUE = /\.additionalPrinterColumns\[\d+\]\.(type|format)$/;

const LISTED = "must be one of ";

/** Names other languages give a column's type, and what a column calls it. */
const TYPE_ALIASES: Record<string, string> = {
  int: "integer",
  int32: "integer",
  int64: "integer",
  long: "integer",
  bool: "boolean",
  float: "number",
  double: "number",
  decimal: "number",
  str: "string",
  text: "string",
  timestamp: "date",
  time: "date",
  datetime: "date",
  "date-time": "date",
};

const FORMAT_ALIASES: Record<string, string> = {
  int: "int32",
  integer: "int32",
  long: "int64",
  timestamp: "date-time",
  datetime: "date-time",
};

/** Whether `error` is Kubernetes' refusal of a printer column's type or format. */
export function isColumnValueError(error: FieldError): boolean {
  return (
    COLUMN_VALUE.test(error.field) && error.detail.startsWith(LISTED) && typeof error.badValue === "string"
  );
}

/** The hint for an `isColumnValueError`. */
export function columnValueHint(error: FieldError): string {
  const key = COLUMN_VALUE.exec(error.field)![1] as "type" | "format";
  const written = error.badValue as string;
  const taken = error.detail.slice(LISTED.length).split(",");
  const aliases = key === "type" ? TYPE_ALIASES : FORMAT_ALIASES;
  const meant = aliases[written.toLowerCase()] ?? didYouMean(written, taken);
  if (meant !== undefined && taken.includes(meant)) return `did you mean ${key}=${meant}?`;
  return key === "type"
    ? "a column's type is the kind of value kubectl prints: date for a timestamp (shown as an age), else boolean, integer, number or string"
    : "format is optional: leave it out, or write one of those listed";
}
