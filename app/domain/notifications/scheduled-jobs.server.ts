/**
 * Scheduled jobs, run by the mail worker between batches. Each job is a row claimed with one atomic UPDATE
 * under a lease, so however many workers run, exactly one runs a due job; a job that fails is retried with
 * back-off and its error recorded on the row.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { sendSubmissionDigests } from "./digest.server";
import { sendReminders } from "./reminders.server";
import { depsFromEnv, scanPendingDocuments, sweepOrphanFiles } from "~/domain/documents/documents.server";

export interface JobContext {
  db: Kysely<Database>;
  now: Date;
}

export interface Job {
  everyMs: number;
  run(ctx: JobContext): Promise<void>;
}

export type JobRegistry = Record<string, Job>;

const LEASE_MS = 10 * 60_000;

/** Makes sure each registered job has its row (due now if new). */
export async function registerJobs(db: Kysely<Database>, jobs: JobRegistry, now = new Date()): Promise<void> {
  for (const name of Object.keys(jobs)) {
    await db
      .insertInto("scheduled_jobs")
      .values({ name, next_run_at: now.toISOString() })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
  }
}

/** Runs every registered job that is due and not held by another worker. Returns the names run. */
export async function runDueJobs(db: Kysely<Database>, jobs: JobRegistry, workerId: string, now = new Date()): Promise<string[]> {
  const ran: string[] = [];
  const nowIso = now.toISOString();
  for (const [name, job] of Object.entries(jobs)) {
    const claimed = await db
      .updateTable("scheduled_jobs")
      .set({ lease_until: new Date(now.getTime() + LEASE_MS).toISOString(), leased_by: workerId, last_run_at: nowIso, updated_at: nowIso })
      .where("name", "=", name)
      .where("next_run_at", "<=", nowIso)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", nowIso)]))
      .returning(["failures"])
      .executeTakeFirst();
    if (!claimed) continue;
    ran.push(name);
    try {
      await job.run({ db, now });
      const done = new Date().toISOString();
      await db
        .updateTable("scheduled_jobs")
        .set({
          next_run_at: new Date(now.getTime() + job.everyMs).toISOString(),
          lease_until: null,
          leased_by: null,
          last_success_at: done,
          last_error: null,
          failures: 0,
          updated_at: done,
        })
        .where("name", "=", name)
        .where("leased_by", "=", workerId)
        .execute();
    } catch (error) {
      const failures = claimed.failures + 1;
      const retryIn = Math.min(job.everyMs, 60_000 * 2 ** Math.min(failures - 1, 6));
      await db
        .updateTable("scheduled_jobs")
        .set({
          next_run_at: new Date(now.getTime() + retryIn).toISOString(),
          lease_until: null,
          leased_by: null,
          last_error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
          failures,
          updated_at: new Date().toISOString(),
        })
        .where("name", "=", name)
        .where("leased_by", "=", workerId)
        .execute();
    }
  }
  return ran;
}

/** The jobs the portal runs today. Reminders join them later. */
export const PORTAL_JOBS: JobRegistry = {
  // Deadline reminders for drafts and reminders of unanswered requests for more information (reminders.server.ts).
  reminders: {
    everyMs: 15 * 60_000,
    async run({ db, now }) {
      await sendReminders(db, now);
    },
  },
  // Administrators who chose a daily digest of new submissions get it from 8am (app/domain/notifications/digest.ts).
  "submissions-digest": {
    everyMs: 15 * 60_000,
    async run({ db, now }) {
      await sendSubmissionDigests(db, now);
    },
  },
  "purge-expired-sessions": {
    everyMs: 60 * 60_000,
    async run({ db, now }) {
      const iso = now.toISOString();
      await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<", iso), eb("absolute_expires_at", "<", iso)]))
        .execute();
      // Throttle windows are at most hours long; one-time links are kept a week after they lapse, so
      // "this link has already been used" can still be told apart from "this link is not right".
      const day = new Date(now.getTime() - 24 * 3_600_000).toISOString();
      const week = new Date(now.getTime() - 7 * 24 * 3_600_000).toISOString();
      await db.deleteFrom("throttle_hits").where("created_at", "<", day).execute();
      await db.deleteFrom("auth_tokens").where("expires_at", "<", week).execute();
    },
  },
  // Uploads left "pending" because the virus scanner could not be reached: scanned again (a failure is
  // retried with back-off). Files no document refers to (a process stopped mid-upload) are removed.
  "scan-pending-documents": {
    everyMs: 5 * 60_000,
    async run({ db }) {
      await scanPendingDocuments(db, depsFromEnv());
    },
  },
  "sweep-orphan-files": {
    everyMs: 6 * 60 * 60_000,
    async run({ db, now }) {
      await sweepOrphanFiles(db, depsFromEnv(), now);
    },
  },
};
