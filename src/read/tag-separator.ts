/**
 * A tag written with a ":" or "=" before its value (`@pattern: ^[a-z]+$`, `@default=3`), as YAML,
 * Go markers (`+kubebuilder:default=3`) and decorators write a key and its value. JSDoc ends the
 * tag name at the punctuation, so it starts the value: a pattern `: ^[a-z]+$` is valid RE2 that
 * matches nothing, and a title `: Replicas` is shown as written, both without any error.
 */
import type { RegisteredTag } from "../tags/registry.js";

/**
 * The value meant, when `text` is one behind a separator that the tag reads without it; else
 * undefined. Text the tag accepts as written stays when the punctuation may be the value's own
 * (`@pattern :\d+$`, a port suffix): only a space or a `^` after it (which RE2 can never match
 * after another character) marks it as a separator then.
 */
export function valueAfterSeparator(
  tag: RegisteredTag,
  text: string,
  acceptedAsWritten: boolean,
): string | undefined {
  const m = /^[:=](\s*)(\S[\s\S]*)$/.exec(text.trim());
  if (!m) return undefined;
  const [, space, value] = m as unknown as [string, string, string];
  if (acceptedAsWritten && space === "" && !value.startsWith("^")) return undefined;
  return tag.parse(value).ok ? value : undefined;
}
