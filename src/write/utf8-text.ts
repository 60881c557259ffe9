/**
 * Text held as UTF-8 bytes in pieces, as the YAML writer makes it. A large CRD (17 MB at 5,000
 * types) then goes to stdout or a file as the bytes it was written in: no buffer grown by
 * copying, no string made of it, no encoding on the way out. The string is made only when
 * asked for (the API's `content` and `stream`, `--check`'s diffs), once.
 *
 * Every piece ends at a character boundary, so each is valid UTF-8 on its own (a writer that
 * reads them one by one, as a test's fake stdout does, decodes them right).
 */
export class Utf8Text {
  private text: string | undefined;

  constructor(
    readonly pieces: readonly Uint8Array[],
    /** Whether every byte is ASCII: the bytes are then their own Latin-1 string (no UTF-8 decoding). */
    private readonly ascii: boolean,
  ) {}

  static of(text: string): Utf8Text {
    const bytes = Buffer.from(text, "utf8");
    const made = new Utf8Text([bytes], bytes.length === text.length);
    made.text = text;
    return made;
  }

  /** Bytes read from a file, to compare with (made a string, they are decoded as UTF-8). */
  static ofBytes(bytes: Uint8Array): Utf8Text {
    return new Utf8Text([bytes], false);
  }

  /** The pieces of `texts` one after another (a YAML stream of documents). */
  static concat(texts: readonly Utf8Text[]): Utf8Text {
    if (texts.length === 1) return texts[0]!;
    return new Utf8Text(
      texts.flatMap((t) => t.pieces),
      texts.every((t) => t.ascii),
    );
  }

  get byteLength(): number {
    return byteLength(this.pieces);
  }

  toString(): string {
    if (this.text === undefined) {
      const encoding = this.ascii ? "latin1" : "utf8";
      this.text = this.pieces
        .map((p) => Buffer.from(p.buffer, p.byteOffset, p.length).toString(encoding))
        .join("");
    }
    return this.text;
  }

  /** Whether `other` (another text, or a file as read from disk) is exactly these bytes. */
  equals(other: Utf8Text | Uint8Array): boolean {
    const theirs = other instanceof Utf8Text ? other.pieces : [other];
    if (theirs === this.pieces) return true;
    if (byteLength(theirs) !== this.byteLength) return false;
    // Two cursors: the texts may be cut into pieces at different places.
    let i = 0;
    let at = 0;
    for (const mine of this.pieces) {
      let from = 0;
      while (from < mine.length) {
        const piece = theirs[i]!;
        const n = Math.min(mine.length - from, piece.length - at);
        if (Buffer.compare(mine.subarray(from, from + n), piece.subarray(at, at + n)) !== 0) return false;
        from += n;
        at += n;
        if (at === piece.length) {
          i++;
          at = 0;
        }
      }
    }
    return true;
  }
}

function byteLength(pieces: readonly Uint8Array[]): number {
  let n = 0;
  for (const p of pieces) n += p.length;
  return n;
}
