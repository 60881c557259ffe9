/**
 * Documentation written below a tag. JSDoc reads every line below a tag, up to the next tag, as
 * the tag's text, so `@maxLength 63` followed by a line of documentation is the value
 * "63\nThe name.", which no tag reads. When the tag's first line alone is a value the tag takes
 * (as written, or as plainArgument rewrites it), the hint says to move the documentation up.
 */
import { hintedArgument, plainArgument } from "./plain-argument.js";
import type { RegisteredTag } from "./registry.js";

/**
 * The hint for a tag whose text `tag` refused, when documentation written after it is the likely
 * cause; else undefined. A flag followed by words (`@immutable` then `Once set, never changes.`)
 * is taken as one, unless the flag's own hint reads them; when the words began on the flag's own
 * line (`textOnTagLine`: `@immutable once set`), the hint says to remove them instead.
 */
export function documentationBelowHint(
  tag: RegisteredTag,
  text: string,
  textOnTagLine?: boolean,
): string | undefined {
  const [first = "", ...below] = text.trim().split("\n");
  const rest = below.map((l) => l.trim()).filter((l) => l !== "");
  if (rest.length > 0 && !continuesValue(rest[0]!)) {
    const meant = firstLineValue(tag, first.trim());
    if (meant !== undefined)
      return `the lines below a tag are part of its text: put the documentation above the tags, and write ${written(tag, meant)}`;
  }
  // A flag followed by words, unless the flag knows what they meant (`@immutable message="..."`).
  const parsed = tag.parse(text);
  if (!tag.parse("").ok || parsed.ok || parsed.hint !== undefined || !/\s/.test(text.trim()))
    return undefined;
  if (textOnTagLine && !text.includes("\n"))
    return `write @${tag.name} alone; documentation goes above the tags`;
  return `a tag's text runs to the next tag, the lines below it included: put the documentation above the tags, and write @${tag.name}`;
}

/** `@name value`, or `@name` alone for a flag. */
function written(tag: RegisteredTag, value: string): string {
  return value === "" ? `@${tag.name}` : `@${tag.name} ${value}`;
}

/**
 * A line that goes on with a key=value argument (`message="..."` below `rule="..."`): the tag's
 * own error about it says more than a guess that it is documentation.
 */
function continuesValue(line: string): boolean {
  return /^[A-Za-z][\w-]*=/.test(line);
}

/** The first line as the tag reads it: as written, as its own hint rewrites it, or as plainArgument does. */
function firstLineValue(tag: RegisteredTag, line: string): string | undefined {
  const parsed = tag.parse(line);
  if (parsed.ok) return line;
  return hintedArgument(tag, parsed) ?? plainArgument(tag, line);
}
