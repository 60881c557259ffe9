/**
 * Strings read before, found again without cutting them out of the text. A CRD repeats a few
 * hundred keys (`description`, `type`, `properties`...) tens of thousands of times: slicing each
 * made a new string for V8 to hash into its string table and then collect, a tenth of what
 * `crdgen check` allocated on the corpus. A reader hashes a key's characters as it scans them
 * and asks here first.
 *
 * Direct-mapped: one string per slot, the newest wins, so memory stays bounded however many
 * files a long-lived process (watch mode, the plugin) reads.
 */
const SLOTS = 4096;

/** The hash of one more character, as `hashNext(hashNext(0, a), b)` over a string's code units. */
export function hashNext(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

export class SeenStrings {
  readonly #slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

  /** The string held for `hash` if it is `text` from `start` to `end`. */
  find(text: string, start: number, end: number, hash: number): string | undefined {
    const seen = this.#slots[hash & (SLOTS - 1)];
    return seen !== undefined && seen.length === end - start && text.startsWith(seen, start)
      ? seen
      : undefined;
  }

  /** Holds `value`, whose characters hash to `hash`, in place of what its slot held. */
  remember(value: string, hash: number): void {
    this.#slots[hash & (SLOTS - 1)] = value;
  }
}
