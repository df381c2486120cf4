/**
 * A value loaded at most once per `ttlMs` per process, shared by concurrent callers while it loads, and
 * forgotten at once if the load fails (so an outage is not remembered). `forget()` after a change made in
 * this process shows it at once; other instances see it within `ttlMs`.
 */
export interface TtlCache<T> {
  get(): Promise<T>;
  forget(): void;
}

export function ttlCache<T>(ttlMs: number, load: () => Promise<T>): TtlCache<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return {
    get() {
      const now = Date.now();
      if (cached && now - cached.at < ttlMs) return cached.value;
      const value = load();
      const entry = { at: now, value };
      cached = entry;
      value.catch(() => {
        if (cached === entry) cached = undefined;
      });
      return value;
    },
    forget() {
      cached = undefined;
    },
  };
}
