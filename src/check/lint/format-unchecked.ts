/**
 * `format` that Kubernetes does not check. The API server validates a format only on strings, and
 * only one its registry knows (`isSupportedFormat`); it ignores any other, so `format: integer`
 * or `format: ipv4addr` on a string lets every string through. On a number, OpenAPI's formats
 * (int32, int64, float, double) describe it to clients, though Kubernetes checks none of them;
 * anything else there (`format: int`, `format: uint64`) means nothing to anyone.
 */
import { KUBERNETES_FORMATS } from "../../schema/formats.js";
import { didYouMean } from "../../tags/suggest.js";
import { isSupportedFormat } from "../../validate/value/formats.js";
import type { LintRule } from "./rule.js";

const NUMBER_FORMATS = ["int32", "int64", "float", "double"];

/**
 * The string formats Kubernetes checks, each under one name (its registry reads `datetime` as
 * `date-time`), sorted for the hint.
 */
export const CHECKED_STRING_FORMATS = [...KUBERNETES_FORMATS]
  .filter((f) => isSupportedFormat(f) && !NUMBER_FORMATS.includes(f) && f !== "datetime")
  .sort();

const NUMBER_WORDS = new Set([
  ...NUMBER_FORMATS,
  "int",
  "integer",
  "number",
  "uint",
  "uint32",
  "uint64",
  "long",
]);

export const formatUnchecked: LintRule = {
  name: "format-unchecked",
  keys: ["format"],
  node({ node, type, intOrString }, report) {
    const format = node["format"];
    if (typeof format !== "string" || format === "") return;
    if (type === "string" || intOrString) {
      if (isSupportedFormat(format)) return;
      const near = didYouMean(format, CHECKED_STRING_FORMATS);
      report(
        ["format"],
        "value",
        `Kubernetes does not check format "${format}" on a string: it ignores formats it does not know, so any string is accepted.`,
        NUMBER_WORDS.has(format)
          ? "a number in a string is not checked: use type: integer (or number), or a pattern such as ^-?[0-9]+$"
          : near !== undefined
            ? `did you mean ${near}?`
            : `Kubernetes checks these string formats: ${CHECKED_STRING_FORMATS.join(", ")}; else write a pattern`,
      );
    } else if (type === "integer" || type === "number") {
      if (NUMBER_FORMATS.includes(format)) return;
      report(
        ["format"],
        "value",
        `format "${format}" on type ${type} is not an OpenAPI number format, and Kubernetes checks no format on numbers.`,
        format.startsWith("uint")
          ? "Kubernetes does not check that a number is unsigned: add minimum: 0 (and write format: int64 or int32)"
          : `OpenAPI's number formats are ${NUMBER_FORMATS.join(", ")}; bound the value with minimum and maximum`,
      );
    } else if (type !== undefined) {
      report(
        ["format"],
        "value",
        `format "${format}" on type ${type} checks nothing: Kubernetes checks formats on strings only.`,
        "remove the format, or move it to the strings it is meant for (the items of a list, say)",
      );
    }
  },
};
