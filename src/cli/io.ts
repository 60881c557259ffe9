/** What a CLI command may touch: injected so tests run commands in-process. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  cwd: string;
  /** Colour is only used when the stream is a TTY and NO_COLOR is unset. */
  color?: boolean;
}

/** Exit codes shared by every command: 0 ok, 1 input/validation errors, 2 usage errors. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
