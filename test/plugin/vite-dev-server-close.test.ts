/**
 * Closing vite's dev server while crdgen regenerates: `close()` resolves only once that run has
 * written, so nothing lands in the output folder afterwards (a test, or a restarted server, may be
 * removing or reusing it by then). The run is held at its write by a hook on crdgen's writer.
 */
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createLogger, createServer, type ViteDevServer } from "vite";
import crdgen from "../../src/plugin/vite.js";
import { CRD, copyProject, listenUntilWatching, TYPES, typesWith, type Project } from "./project.js";

/** Set by a test: the next write waits for it before it starts. */
let holdWrite: Promise<void> | undefined;
let writeHeld: (() => void) | undefined;

vi.mock("../../src/write/files.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/write/files.js")>();
  return {
    ...actual,
    writeAtomically: async (...args: Parameters<typeof actual.writeAtomically>) => {
      const hold = holdWrite;
      holdWrite = undefined;
      if (hold) {
        writeHeld?.();
        await hold;
      }
      return actual.writeAtomically(...args);
    },
  };
});

let project: Project;
let server: ViteDevServer | undefined;
beforeEach(async () => {
  project = await copyProject();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await project.remove();
});

async function startDevServer(): Promise<ViteDevServer> {
  const logger = createLogger("silent");
  const started = await createServer({
    root: project.dir,
    configFile: false,
    logLevel: "silent",
    customLogger: logger,
    plugins: [crdgen({ entries: [TYPES] })],
    server: { port: 0, host: "127.0.0.1", hmr: false },
  });
  server = started;
  await listenUntilWatching(started, project);
  return started;
}

test("closing the dev server waits for the regeneration going on, which writes before close resolves", async () => {
  const dev = await startDevServer();
  let release!: () => void;
  holdWrite = new Promise((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (writeHeld = resolve));
  await project.write(TYPES, typesWith("color?: string;"));
  await held;

  let closed = false;
  const closing = dev.close().then(() => (closed = true));
  server = undefined;
  // Long enough for vite to have closed everything of its own.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(closed).toBe(false);

  release();
  await closing;
  expect(await project.read(CRD)).toContain("color:");
});
