import type { ConfigInput } from "./schema.js";

/**
 * Types a config object for editors; returns it unchanged (validation happens when it is loaded).
 * @example export default defineConfig({ siteUrl: "https://www.example.com", timeZone: "Asia/Dhaka" });
 */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}
