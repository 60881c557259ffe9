/**
 * What a refused tag argument most likely meant, for the hint: the same text without the
 * punctuation Rust and Go attributes put around a value (`@minLength=1`, `@maxLength(10)`,
 * `@kind "Foo"`, as `#[kube(kind = "Foo")]` and `+kubebuilder:validation:MinLength=1` write it),
 * key=value pairs separated by spaces rather than by the commas of controller-gen's markers
 * (`rule="self == oldSelf",message="..."`), or a choice in the case the tag spells it (`@scope namespaced`).
 */
import type { RegisteredTag, TagParseResult } from "./registry.js";

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
  return candidates.find((c) => c !== t && tag.parse(c).ok) ?? spaced(tag, word);
}

/**
 * `word` with its key=value pairs separated by spaces, when it had commas between them; or the
 * rewrite that text's own hint gives (`specpath=` is `specReplicasPath=`), when that one parses.
 */
function spaced(tag: RegisteredTag, word: string): string | undefined {
  const candidate = withoutPairCommas(word);
  if (candidate === word) return undefined;
  const parsed = tag.parse(candidate);
  return parsed.ok ? candidate : hintedArgument(tag, parsed);
}

/** The argument a refusal's own hint gives (`write @<tag> <argument>`), when the tag reads it. */
export function hintedArgument(
  tag: RegisteredTag,
  refused: Extract<TagParseResult<unknown>, { ok: false }>,
): string | undefined {
  const prefix = `write @${tag.name} `;
  const rewritten = refused.hint?.startsWith(prefix) ? refused.hint.slice(prefix.length) : undefined;
  return rewritten !== undefined && tag.parse(rewritten).ok ? rewritten : undefined;
}

/** `a="x",b=y,c` with a space for each comma outside quotes that comes before another `key=`. */
function withoutPairCommas(text: string): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === "\\" && quote === '"') {
        out += c + (text[++i] ?? "");
        continue;
      }
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "," && /^\s*[A-Za-z][\w-]*=/.test(text.slice(i + 1))) {
      if (!/\s/.test(text[i + 1] ?? "")) out += " ";
      continue;
    }
    out += c;
  }
  return out;
}
