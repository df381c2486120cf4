/** JSON columns are text on SQLite and jsonb on PostgreSQL; both read back as text (db/client.ts). */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null || text === "") return fallback;
  return JSON.parse(text) as T;
}
