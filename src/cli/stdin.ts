/**
 * `-` as a file argument: the command reads standard input instead, as one stream
 * (`helm template ... | crdgen check -`). Findings name it `<stdin>`.
 */

export const STDIN_ARG = "-";
export const STDIN_NAME = "<stdin>";

/** Reads all of standard input as UTF-8. */
export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
