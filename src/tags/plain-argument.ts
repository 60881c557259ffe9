/**
 * What a refused tag argument most likely meant, for the hint: the same text without the
 * punctuation Rust and Go attributes put around a value (`@minLength=1`, `@maxLength(10)`,
 * `@kind "Foo"`, as `#[kube(kind = "Foo")]` and `+kubebuilder:validation:MinLength=1` write it),
 * or a choice in the case the tag spells it (`@scope namespaced`).
 */
import type { RegisteredTag } from "./registry.js";

/** The argument rewritten so that the tag reads it, or undefined when no rewrite does. */
export function plainArgument(tag: RegisteredTag, text: string): string | undefined {
  const t = text.trim();
  const bare =
    /^=\s*(.+)$/s.exec(t)?.[1] ?? /^\((.*)\)$/s.exec(t)?.[1] ?? /^(["'`])([^"'`]*)\1$/.exec(t)?.[2] ?? t;
  const word = bare.trim();
  if (word === "") return undefined;
  const candidates = [word];
  // A single word in another case: only a choice (Namespaced, map, atomic) can be one.
  if (/^[A-Za-z]+$/.test(word)) {
    const lower = word.toLowerCase();
    candidates.push(lower, lower[0]!.toUpperCase() + lower.slice(1));
  }
  return candidates.find((c) => c !== t && tag.parse(c).ok);
}
