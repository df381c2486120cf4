/** The app's door to the database: routes never import this; domain services do. */
export { getDb, getDbHandle } from "~db/client";
export type { Database } from "~db/schema";
