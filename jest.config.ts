import type { Config } from "jest";

// feed (used by the trap test) is ESM-only, so the suite runs as native ESM through ts-jest's ESM preset.
const config: Config = {
  preset: "ts-jest/presets/default-esm",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  extensionsToTreatAsEsm: [".ts"],
  // Sources import siblings as "./x.js" (NodeNext); map them back to the .ts files under test.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
};

export default config;
