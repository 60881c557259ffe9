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

  /** The pieces of `texts` one after another (a YAML stream of documents). */
  static concat(texts: readonly Utf8Text[]): Utf8Text {
    if (texts.length === 1) return texts[0]!;
    return new Utf8Text(
      texts.flatMap((t) => t.pieces),
      texts.every((t) => t.ascii),
    );
  }

  get byteLength(): number {
    let n = 0;
    for (const p of this.pieces) n += p.length;
    return n;
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

  /** Whether `bytes` (a file as read from disk) are exactly these bytes. */
  equals(bytes: Uint8Array): boolean {
    if (bytes.length !== this.byteLength) return false;
    let at = 0;
    for (const p of this.pieces) {
      if (Buffer.compare(p, bytes.subarray(at, at + p.length)) !== 0) return false;
      at += p.length;
    }
    return true;
  }
}
