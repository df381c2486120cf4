/** Scheduled jobs run from the mail worker under a lease: one instance runs each due job; failures are kept. */
import { describe, expect, it } from "vitest";
import { createDb } from "~db/client";
import { PORTAL_JOBS, registerJobs, runDueJobs, type JobRegistry } from "~/domain/notifications/scheduled-jobs.server";
import { useTestDb } from "../setup/test-db";

const db = useTestDb();
const HOUR = 60 * 60_000;

describe("scheduled jobs", () => {
  it("two workers asking at once: the due job runs exactly once, then not again until its time", async () => {
    let runs = 0;
    const jobs: JobRegistry = {
      "count-runs": {
        everyMs: HOUR,
        async run() {
          runs++;
          await new Promise((r) => setTimeout(r, 50));
        },
      },
    };
    await registerJobs(db().db, jobs);
    await registerJobs(db().db, jobs); // registering again changes nothing
    const other = createDb(db().url);
    try {
      const [a, b] = await Promise.all([runDueJobs(db().db, jobs, "a"), runDueJobs(other.db, jobs, "b")]);
      expect([...a, ...b]).toEqual(["count-runs"]);
      expect(runs).toBe(1);
      expect(await runDueJobs(db().db, jobs, "a")).toEqual([]);
      expect(await runDueJobs(db().db, jobs, "a", new Date(Date.now() + HOUR + 1000))).toEqual(["count-runs"]);
      expect(runs).toBe(2);
    } finally {
      await other.db.destroy();
    }
  });

  it("a job that fails keeps its error and is tried again later", async () => {
    let attempt = 0;
    const jobs: JobRegistry = {
      flaky: {
        everyMs: HOUR,
        async run() {
          attempt++;
          if (attempt === 1) throw new Error("Postcode service unreachable");
        },
      },
    };
    await registerJobs(db().db, jobs);
    const start = new Date();
    await runDueJobs(db().db, jobs, "a", start);
    const failed = await db().db.selectFrom("scheduled_jobs").selectAll().where("name", "=", "flaky").executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ failures: 1, last_error: "Postcode service unreachable", lease_until: null });
    expect(Date.parse(failed.next_run_at) - start.getTime()).toBe(60_000); // a minute, not an hour

    await runDueJobs(db().db, jobs, "a", new Date(start.getTime() + 61_000));
    const recovered = await db().db.selectFrom("scheduled_jobs").selectAll().where("name", "=", "flaky").executeTakeFirstOrThrow();
    expect(recovered).toMatchObject({ failures: 0, last_error: null });
    expect(recovered.last_success_at).not.toBeNull();
  });

  it("purges expired sessions", async () => {
    const k = db().db;
    const user = await k.insertInto("users").values({ email: "s@example.org", full_name: "S" }).returning("id").executeTakeFirstOrThrow();
    const now = new Date();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    await k.insertInto("sessions").values([
      { id: "live", user_id: user.id, expires_at: at(HOUR), absolute_expires_at: at(2 * HOUR), last_seen_at: at(0) },
      { id: "idle", user_id: user.id, expires_at: at(-1000), absolute_expires_at: at(HOUR), last_seen_at: at(-HOUR) },
      { id: "old", user_id: user.id, expires_at: at(HOUR), absolute_expires_at: at(-1000), last_seen_at: at(0) },
    ]).execute();
    await PORTAL_JOBS["purge-expired-sessions"].run({ db: k, now });
    expect((await k.selectFrom("sessions").select("id").execute()).map((s) => s.id)).toEqual(["live"]);
  });
});
