/**
 * Source files that are not UTF-8 (saved as Latin-1 or Windows-1252): TypeScript reads every file
 * as UTF-8 (or UTF-16 after its byte order mark) and turns each byte that is not UTF-8 text into
 * U+FFFD "�" in silence, which a description, an enum value or a default then carries into the CRD.
 */
import type { ts } from "ts-morph";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf } from "./location.js";

/** The first byte that is not UTF-8: where TypeScript's text has its U+FFFD, and the byte. */
export interface Undecodable {
  index: number;
  byte: number;
}

/**
 * Where `text`, TypeScript's reading of `bytes`, has a U+FFFD that was not one in the file; undefined
 * for a UTF-8 file or one TypeScript decodes as UTF-16.
 */
export function firstUndecodable(bytes: Uint8Array, text: string): Undecodable | undefined {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return undefined;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) {
    // Everything before the first replaced byte was read as written, so its length in UTF-8 is its length in the file.
    const at = start + Buffer.byteLength(text.slice(0, i), "utf8");
    const written = bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd;
    if (!written) return { index: i, byte: bytes[at]! };
  }
  return undefined;
}

export function notUtf8(sf: ts.SourceFile, found: Undecodable): Diagnostic {
  const hex = found.byte.toString(16).toUpperCase().padStart(2, "0");
  return {
    severity: "warning",
    code: codes.notUtf8,
    message: `This file is not UTF-8: TypeScript reads the byte 0x${hex} here, and any other that is not UTF-8 text, as "\ufffd" (U+FFFD).`,
    location: locationOf(sf, found.index, 1),
    hint: "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8), or a description or value taken from it has \ufffd in the CRD",
  };
}
