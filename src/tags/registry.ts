/**
 * The tag registry: every JSDoc tag crdgen understands is one entry that knows where it
 * may appear, how to parse its argument and what it does to a schema. Help text and
 * did-you-mean come from here, as controller-gen's marker registry does for markers.
 */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { DraftSchema } from "../emit/draft.js";
import { didYouMean } from "./suggest.js";

/** `crd`: the root declaration; `type`: a named interface/alias/enum; `field`: a property. */
export type TagTarget = "crd" | "type" | "field";

export type TagParseResult<V> = { ok: true; value: V } | { ok: false; message: string; hint?: string };

export interface TagDefinition<V> {
  name: string;
  targets: readonly TagTarget[];
  /** One line for `crdgen --help-tags`. */
  summary: string;
  /** How the argument is written, e.g. `@minimum <number>`. */
  syntax: string;
  repeatable?: boolean;
  /**
   * For a repeatable tag whose values must differ in some part (a short name, an annotation's
   * key, a column's name): that part, as messages show it, and what to do about a repeat.
   */
  distinct?: Distinct<V>;
  parse(text: string): TagParseResult<V>;
  /** What the tag does to the schema of the node it sits on (type and field tags). */
  schema?(schema: DraftSchema, value: V): void;
}

export interface Distinct<V> {
  by(value: V): string;
  hint?: string;
}

/** A tag definition with its value type erased, so definitions of all types share one table. */
export interface RegisteredTag {
  name: string;
  targets: readonly TagTarget[];
  summary: string;
  syntax: string;
  repeatable: boolean;
  distinct?: Distinct<unknown> | undefined;
  parse(text: string): TagParseResult<unknown>;
  applySchema?: ((schema: DraftSchema, value: unknown) => void) | undefined;
}

/** A tag found in the source, parsed. */
export interface AppliedTag {
  name: string;
  value: unknown;
  origin?: SourceLocation | undefined;
}

export function defineTag<V>(def: TagDefinition<V>): RegisteredTag {
  const { schema, distinct } = def;
  return {
    name: def.name,
    targets: def.targets,
    summary: def.summary,
    syntax: def.syntax,
    repeatable: def.repeatable ?? false,
    // The values were produced by this same definition's parse, so the casts are sound.
    distinct: distinct && { ...distinct, by: (v) => distinct.by(v as V) },
    parse: (text) => def.parse(text),
    applySchema: schema ? (s, v) => schema(s, v as V) : undefined,
  };
}

export class TagRegistry {
  private readonly byName = new Map<string, RegisteredTag>();

  /**
   * `hinted`: unknown tags whose error has a hint of its own (UNKNOWN_TAG_HINTS, in lower case, for
   * a name in any case), which says what to write: a did-you-mean beside it would name an unrelated
   * tag (`@conversion`: `@version`).
   */
  constructor(
    tags: readonly RegisteredTag[],
    private readonly ignored: ReadonlySet<string>,
    private readonly hinted: ReadonlySet<string> = new Set(),
  ) {
    for (const tag of tags) {
      if (this.byName.has(tag.name)) throw new Error(`tag @${tag.name} registered twice`);
      // A tag of crdgen's own that was also ignored as documentation would be read and skipped at once.
      if (ignored.has(tag.name)) throw new Error(`tag @${tag.name} is both registered and ignored`);
      if (hinted.has(tag.name.toLowerCase()))
        throw new Error(`tag @${tag.name} is both registered and hinted as unknown`);
      this.byName.set(tag.name, tag);
    }
  }

  get(name: string): RegisteredTag | undefined {
    return this.byName.get(name);
  }

  /** Standard JSDoc/TSDoc tags that carry documentation only. */
  isIgnored(name: string): boolean {
    return this.ignored.has(name);
  }

  suggest(name: string): string | undefined {
    if (this.hinted.has(name.toLowerCase())) return undefined;
    return didYouMean(name, this.byName.keys());
  }

  all(): RegisteredTag[] {
    return [...this.byName.values()];
  }
}
