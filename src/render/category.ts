import type { Site } from "../model.js";

/** What readers see for a category: its title from the config's `categories`, else its path as written. */
export function categoryLabel(site: Pick<Site, "config">, path: string): string {
  return site.config.categories?.[path]?.title ?? path;
}
