/**
 * An immutable path that renders in Kubernetes field-path notation (see
 * `CrdChange.path`) and, at the same time, tracks the matching key path into the
 * new CRD document for source positions.
 */
import type { DocumentLocation } from "./types.js";

interface Segment {
  /** How the segment prints: `.name` for fields, `[key]` otherwise. */
  text: string;
  bracket: boolean;
  /** The key or index in the new document, or null when the node is not there. */
  loc: string | number | null;
}

export class FieldPath {
  private constructor(private readonly segments: readonly Segment[]) {}

  static root(): FieldPath {
    return new FieldPath([]);
  }

  /** An object field: `.name`. */
  field(name: string): FieldPath {
    return this.with({ text: name, bracket: false, loc: name });
  }

  /** A map key, such as a property name: `[key]`. */
  key(key: string): FieldPath {
    return this.with({ text: key, bracket: true, loc: key });
  }

  /** A list entry matched by name: `[name]`; `newIndex` is its index in the new list, if there. */
  named(name: string, newIndex: number | undefined): FieldPath {
    return this.with({ text: name, bracket: true, loc: newIndex ?? null });
  }

  /** A list entry matched by position: `[i]`; `inNew` says whether `i` indexes the new list. */
  index(i: number, inNew: boolean): FieldPath {
    return this.with({ text: String(i), bracket: true, loc: inNew ? i : null });
  }

  toString(): string {
    let out = "";
    for (const s of this.segments) {
      if (s.bracket) out += `[${s.text}]`;
      else out += out === "" ? s.text : `.${s.text}`;
    }
    return out;
  }

  /** Key path into the new document, stopping before the first segment absent there. */
  location(): DocumentLocation {
    const out: DocumentLocation = [];
    for (const s of this.segments) {
      if (s.loc === null) break;
      out.push(s.loc);
    }
    return out;
  }

  private with(segment: Segment): FieldPath {
    return new FieldPath([...this.segments, segment]);
  }
}
