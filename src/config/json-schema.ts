import { z } from "zod";
import { configSchema } from "./schema.js";

/** The JSON Schema of patrika.config.json (published as schema/patrika.config.schema.json for editor completion). */
export function configJsonSchema(): object {
  return { ...z.toJSONSchema(configSchema, { io: "input" }), title: "patrika.config.json" };
}
