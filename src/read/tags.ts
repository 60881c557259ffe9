/** Turns raw JSDoc tags into parsed, placement-checked tags, reporting problems as diagnostics. */
import { codes } from "../diagnostics/codes.js";
import { plainLocation, type Diagnostic } from "../diagnostics/diagnostic.js";
import { conflictingTags } from "../tags/combinations.js";
import { markerHint, readMarker } from "../tags/controller-gen-markers.js";
import { tagRegistry, UNKNOWN_TAG_HINTS } from "../tags/index.js";
import { documentationBelowHint } from "../tags/documentation-below.js";
import { plainArgument } from "../tags/plain-argument.js";
import type { AppliedTag, TagTarget } from "../tags/registry.js";
import type { RawTag } from "./jsdoc.js";
import { valueAfterSeparator } from "./tag-separator.js";

const TARGET_WORDS: Record<TagTarget, string> = {
  crd: "a CRD root (a type tagged @crd)",
  type: "a named type",
  field: "a property",
};

export function collectTags(
  raw: readonly RawTag[],
  targets: readonly TagTarget[],
  diagnostics: Diagnostic[],
): AppliedTag[] {
  const out: AppliedTag[] = [];
  for (const tag of raw) {
    // Found while reading the comment (a controller-gen marker, an enum member crdgen cannot resolve).
    if (tag.problem) {
      const { code, message, hint } = tag.problem;
      diagnostics.push({
        severity: tag.problem.severity ?? "error",
        code,
        message,
        location: plainLocation(tag.origin),
        ...(hint ? { hint } : {}),
      });
      continue;
    }
    const def = tagRegistry.get(tag.name);
    if (!def) {
      const typeWord = schemaTypeWord(tag);
      if (typeWord) {
        diagnostics.push({ severity: "error", location: plainLocation(tag.origin), ...typeWord });
        continue;
      }
      if (tagRegistry.isIgnored(tag.name)) continue;
      diagnostics.push({ severity: "error", location: plainLocation(tag.origin), ...unknownTag(tag) });
      continue;
    }
    if (!def.targets.some((t) => targets.includes(t))) {
      diagnostics.push({
        severity: "error",
        code: codes.tagMisplaced,
        message: `@${tag.name} belongs on ${def.targets.map((t) => TARGET_WORDS[t]).join(" or ")}.`,
        location: plainLocation(tag.origin),
      });
      continue;
    }
    if (!def.repeatable && out.some((t) => t.name === tag.name)) {
      diagnostics.push({
        severity: "error",
        code: codes.badTagValue,
        message: `@${tag.name} is given more than once.`,
        location: plainLocation(tag.origin),
      });
      continue;
    }
    const parsed = def.parse(tag.text);
    const meant = valueAfterSeparator(def, tag.text, parsed.ok);
    // Accepted as written, the separator would be part of the value: no other check would see it.
    if (parsed.ok && meant !== undefined) {
      const separator = tag.text.trim()[0]!;
      diagnostics.push({
        severity: "error",
        code: codes.badTagValue,
        message: `@${tag.name} takes its value after a space, not after "${separator}": this reads as "${tag.text.trim()}".`,
        location: plainLocation(tag.origin),
        hint: `write @${tag.name} ${meant}`,
      });
      continue;
    }
    if (!parsed.ok) {
      // Documentation below the tag explains the failure better than any guess at the value.
      const below =
        meant === undefined ? documentationBelowHint(def, tag.text, tag.textOnTagLine) : undefined;
      const plain = meant ?? (parsed.hint === undefined ? plainArgument(def, tag.text) : undefined);
      diagnostics.push({
        severity: "error",
        code: codes.badTagValue,
        message: `@${tag.name} ${parsed.message}.`,
        location: plainLocation(tag.origin),
        // A value behind a separator (`@default=3`) is what was meant, whatever the tag's own hint guesses.
        hint:
          below ??
          (meant === undefined && parsed.hint !== undefined
            ? parsed.hint
            : plain !== undefined
              ? `write @${tag.name} ${plain}`
              : `write ${def.syntax}`),
      });
      continue;
    }
    out.push({ name: tag.name, value: parsed.value, origin: tag.origin });
  }
  // A conflict takes two tags; most declarations have one or none.
  for (const c of out.length > 1 ? conflictingTags(out) : []) {
    diagnostics.push({
      severity: "error",
      code: codes.badTagValue,
      message: c.message,
      location: plainLocation(c.tag.origin),
      ...(c.hint ? { hint: c.hint } : {}),
    });
  }
  return out;
}

/**
 * The tags a `@crd` root keeps where it is used as a type (a field's type, the base another root
 * extends): those a named type takes. Its CRD- and version-level tags (a root's `@deprecated`
 * deprecates its version) say nothing about the object there. Nothing is reported: reading the
 * root reports its tags' problems once, and a misplaced `@group` here would blame the root.
 */
export function rootTypeTags(raw: readonly RawTag[]): AppliedTag[] {
  return collectTags(raw, ["crd", "type"], []).filter(
    (t) => t.name !== "deprecated" && tagRegistry.get(t.name)?.targets.includes("type") === true,
  );
}

/**
 * The error for a tag crdgen does not have. A controller-gen marker written with `@` for `+`
 * (`@kubebuilder:validation:MaxItems=16`) gets the tag that marker means, as a pasted marker line
 * does (CRD1017); a known non-tag in another case (`@Enum`) the hint its lower-case spelling has.
 */
function unknownTag(tag: RawTag): { code: string; message: string; hint: string } {
  if (tag.name === "kubebuilder" && tag.text.trimStart().startsWith(":")) {
    const marker = `+kubebuilder${tag.text.split("\n", 1)[0]!.trim()}`;
    const reading = readMarker(marker);
    const written = `@kubebuilder is no tag: @${marker.slice(1)} is controller-gen's marker ${marker} written with @`;
    if (!reading)
      return {
        code: codes.unknownTag,
        message: `${written}, which drives Go code generation and means nothing to a CRD.`,
        hint: "remove it",
      };
    return {
      code: codes.unknownTag,
      message: `${written}, and crdgen reads tags of its own.`,
      hint: markerHint(reading),
    };
  }
  const suggestion = tagRegistry.suggest(tag.name);
  return {
    code: codes.unknownTag,
    message: `Unknown tag @${tag.name}.${suggestion ? ` Did you mean @${suggestion}?` : ""}`,
    hint: UNKNOWN_TAG_HINTS.get(tag.name.toLowerCase()) ?? "run `crdgen --help-tags` for the list of tags",
  };
}

const SCHEMA_TYPE_WORD = /^(integer|number|string|boolean|object|array)$/;

/**
 * `@type integer`: a JSON schema type written as JSDoc's `@type`, which crdgen leaves as
 * documentation (`@type {Foo}` is JSDoc's). A bare schema type word means the schema was meant,
 * and would otherwise be dropped without a word.
 */
function schemaTypeWord(tag: RawTag): { code: string; message: string; hint: string } | undefined {
  if (tag.name !== "type") return undefined;
  const word = tag.text.trim();
  if (!SCHEMA_TYPE_WORD.test(word)) return undefined;
  return {
    code: codes.unknownTag,
    message: `@type ${word} is JSDoc's type annotation, which crdgen does not read: the TypeScript type decides the schema's type.`,
    hint:
      word === "integer"
        ? "type the field `int32`, `int64` or `integer` (from crdgen), or tag a `number` @format int32"
        : `type the field itself in TypeScript (${word === "array" ? "`T[]`" : word === "object" ? "an interface, or `Record<string, T>`" : `\`${word}\``})`,
  };
}
