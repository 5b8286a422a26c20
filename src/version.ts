/** The tool's name and version as written into generated files; a test keeps it equal to package.json. */
export const GENERATOR = { name: "patrika", version: "0.1.0", uri: "https://www.npmjs.com/package/patrika" } as const;
