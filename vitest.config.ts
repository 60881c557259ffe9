import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/scratch-tmpdir.ts"],
    // ts-morph program loads dominate; give them room on 2-core CI machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
