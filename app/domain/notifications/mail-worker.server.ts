/**
 * The mail worker: claims due outbox rows under a lease, renders and sends them, and records what happened.
 * Several workers (one per app instance, or `npm run worker`) can run at once:
 * - PostgreSQL: the claim selects with FOR UPDATE SKIP LOCKED, so two workers never take the same row;
 * - SQLite: the claim is one UPDATE … RETURNING, which SQLite runs alone.
 * Delivery is at-least-once: a worker that dies mid-batch leaves its rows leased; when the lease runs out
 * another worker sends them again, with the same Message-ID. A row marked sent is never claimed again.
 *
 * The same worker runs scheduled jobs (scheduled-jobs.server.ts) between batches.
 */
import os from "node:os";
import { sql, type Kysely, type Updateable } from "kysely";
import type { Engine } from "~db/client";
import type { Database, OutboxRow, OutboxTable } from "~db/schema";
import { fromJson, toJson } from "~db/json";
import { redactEmailData, renderEmail, type EmailContext } from "~emails/index";
import type { MailTransport, OutgoingMessage } from "~/utils/mail-transport.server";
import { runDueJobs, type JobRegistry } from "./scheduled-jobs.server";

export interface MailWorkerOptions {
  db: Kysely<Database>;
  engine: Engine;
  transport: MailTransport;
  from: string;
  /** Who runs the service, for the emails' layout; read for every batch. */
  context: () => Promise<EmailContext>;
  id?: string;
  leaseMs?: number;
  batchSize?: number;
  /** Messages sent at once within a batch (match the SMTP pool). */
  concurrency?: number;
  pollMs?: number;
  /** Give up on a message that still fails this long after it was written. */
  maxAgeMs?: number;
  jobs?: JobRegistry;
  log?: (line: string) => void;
}

interface Outcome {
  id: number;
  /** The claim this outcome belongs to: a later claim of the same row by another worker wins. */
  attempts: number;
  kind: "sent" | "retrying" | "failed";
  set: Updateable<OutboxTable>;
}

export interface BatchResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

const MINUTE = 60_000;
/** Results are written after this many messages, so a crash resends at most a few. */
const FLUSH_EVERY = 10;

/** 1, 2, 4 … minutes, at most an hour, with ±20 % jitter so a recovering server is not stampeded. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Permanent: the server refused this message or this recipient with a 5xx reply (nodemailer marks those
 * `permanent`, except 503). A 5xx about our own set-up — a wrong password (EAUTH), TLS, the greeting — is
 * not the message's fault: it is retried, so fixing SMTP_URL sends the queue instead of failing it.
 */
export function isPermanent(error: unknown): boolean {
  const e = error as { permanent?: unknown; code?: unknown } | null;
  return e?.permanent === true && (e.code === "EENVELOPE" || e.code === "EMESSAGE");
}

function describeError(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string } | null;
  return (e?.response || [e?.code, e?.message].filter(Boolean).join(": ") || String(error)).slice(0, 1000);
}

async function mapWithConcurrency<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(lanes);
}

export class MailWorker {
  readonly id: string;
  private readonly o: Required<Omit<MailWorkerOptions, "jobs" | "log" | "id">> & Pick<MailWorkerOptions, "jobs">;
  private readonly log: (line: string) => void;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(options: MailWorkerOptions) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.log = options.log ?? ((line) => console.log(line));
    this.o = {
      ...options,
      leaseMs: options.leaseMs ?? 15 * MINUTE,
      batchSize: options.batchSize ?? 50,
      concurrency: options.concurrency ?? 10,
      pollMs: options.pollMs ?? 1_000,
      maxAgeMs: options.maxAgeMs ?? 24 * 60 * MINUTE,
    } as typeof this.o;
  }

  /**
   * Fails (and redacts) rows that have waited past maxAgeMs whatever the reason — a worker that kept dying
   * on them, a context that would not load — so no row waits for ever with a secret in it.
   */
  async expireStale(now = new Date()): Promise<number> {
    const nowIso = now.toISOString();
    const cutoff = new Date(now.getTime() - this.o.maxAgeMs).toISOString();
    const stale = (eb: any) =>
      eb.and([
        eb("created_at", "<", cutoff),
        eb.or([eb("status", "=", "pending"), eb.and([eb("status", "=", "sending"), eb("lease_until", "<", nowIso)])]),
      ]);
    const hours = Math.round(this.o.maxAgeMs / 3_600_000);
    const base = { status: "failed" as const, lease_until: null, updated_at: nowIso, last_error: sql<string>`${sql.lit(`Gave up after ${hours} hours: `)} || coalesce(last_error, 'not sent')` };
    const a = await this.o.db.updateTable("outbox").set(base).where(stale).where("contains_secret", "=", 0).executeTakeFirst();
    const b = await this.o.db.updateTable("outbox").set({ ...base, data: "{}", redacted_at: nowIso }).where(stale).where("contains_secret", "=", 1).executeTakeFirst();
    return Number(a.numUpdatedRows) + Number(b.numUpdatedRows);
  }

  /** Takes up to a batch of due rows for this worker: pending ones whose time has come, and leases that ran out. */
  async claim(now = new Date()): Promise<OutboxRow[]> {
    const { db, engine, batchSize, leaseMs } = this.o;
    const nowIso = now.toISOString();
    await this.expireStale(now);
    const due = db
      .selectFrom("outbox")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", nowIso)]),
          eb.and([eb("status", "=", "sending"), eb("lease_until", "<", nowIso)]),
        ]),
      )
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(batchSize)
      .$if(engine === "postgres", (q) => q.forUpdate().skipLocked());
    return db
      .updateTable("outbox")
      .set({
        status: "sending",
        lease_until: new Date(now.getTime() + leaseMs).toISOString(),
        leased_by: this.id,
        attempts: sql<number>`attempts + 1`,
        updated_at: nowIso,
      })
      .where("id", "in", due)
      .returningAll()
      .execute();
  }

  /**
   * Claims one batch and sends it. Results are recorded in small groups as they come (one transaction, so
   * one disk sync, per group), and only while this worker still holds the row: if its lease ran out and
   * another worker took the row, the other worker's record stands.
   */
  async runOnce(now = new Date()): Promise<BatchResult> {
    const rows = await this.claim(now);
    const result: BatchResult = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
    if (rows.length === 0) return result;
    const context = await this.o.context();
    let pending: Outcome[] = [];
    let writing = Promise.resolve();
    const flush = () => {
      const group = pending;
      pending = [];
      writing = writing.then(() => this.record(group));
      return writing;
    };
    await mapWithConcurrency(rows, this.o.concurrency, async (row) => {
      const outcome = await this.deliver(row, context);
      result[outcome.kind]++;
      pending.push(outcome);
      if (pending.length >= FLUSH_EVERY) await flush();
    });
    await flush();
    return result;
  }

  private async record(outcomes: Outcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.o.db.transaction().execute(async (trx) => {
      for (const o of outcomes) {
        await trx
          .updateTable("outbox")
          .set(o.set)
          .where("id", "=", o.id)
          .where("status", "=", "sending")
          .where("leased_by", "=", this.id)
          .where("attempts", "=", o.attempts)
          .execute();
      }
    });
    for (const o of outcomes) if (o.kind === "failed") this.log(`[mail] outbox message ${o.id} failed: ${o.set.last_error}`);
  }

  private message(row: OutboxRow, context: EmailContext): OutgoingMessage {
    const rendered = renderEmail(row.template, fromJson(row.data, {}), context);
    const attachments = fromJson<{ filename: string; contentType: string; contentBase64: string }[]>(row.attachments, []);
    return {
      from: this.o.from,
      to: { name: row.to_name ?? "", address: row.to_email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: row.message_id,
      attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, "base64") })),
      headers: { "X-Outbox-Id": String(row.id) },
    };
  }

  private async deliver(row: OutboxRow, context: EmailContext): Promise<Outcome> {
    let message: OutgoingMessage;
    try {
      message = this.message(row, context);
    } catch (error) {
      // A template that does not exist, or data it cannot render, is a bug: trying again will not help.
      return this.failure(row, error, { permanent: true });
    }
    let response: string;
    try {
      response = String((await this.o.transport.send(message)).response ?? "");
    } catch (error) {
      return this.failure(row, error);
    }
    const now = new Date().toISOString();
    return {
      id: row.id,
      attempts: row.attempts,
      kind: "sent",
      set: {
        status: "sent",
        sent_at: now,
        smtp_response: response.slice(0, 1000),
        last_error: null,
        lease_until: null,
        updated_at: now,
        // A sign-in or reset link has done its job once delivered: do not keep it.
        ...(row.contains_secret ? { data: redactedData(row), redacted_at: now } : {}),
      },
    };
  }

  private failure(row: OutboxRow, error: unknown, opts: { permanent?: boolean } = {}): Outcome {
    const now = new Date();
    const nowIso = now.toISOString();
    const reason = describeError(error);
    const tooOld = now.getTime() + retryDelayMs(row.attempts, () => 0.5) - Date.parse(row.created_at) > this.o.maxAgeMs;
    if (opts.permanent || isPermanent(error) || tooOld) {
      return {
        id: row.id,
        attempts: row.attempts,
        kind: "failed",
        set: {
          status: "failed",
          last_error: tooOld && !opts.permanent && !isPermanent(error) ? `Gave up after ${Math.round(this.o.maxAgeMs / 3_600_000)} hours: ${reason}` : reason,
          smtp_response: (error as { response?: string })?.response?.slice(0, 1000) ?? null,
          lease_until: null,
          updated_at: nowIso,
          ...(row.contains_secret ? { data: redactedData(row), redacted_at: nowIso } : {}),
        },
      };
    }
    return {
      id: row.id,
      attempts: row.attempts,
      kind: "retrying",
      set: {
        status: "pending",
        last_error: reason,
        next_attempt_at: new Date(now.getTime() + retryDelayMs(row.attempts)).toISOString(),
        lease_until: null,
        leased_by: null,
        updated_at: nowIso,
      },
    };
  }

  /** Runs until stop(): a batch, the due jobs, then a pause unless the batch was full. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let full = false;
        try {
          const r = await this.runOnce();
          full = r.claimed === this.o.batchSize;
          if (this.o.jobs) await runDueJobs(this.o.db, this.o.jobs, this.id);
        } catch (error) {
          this.log(`[mail] worker ${this.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!full && this.running) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.o.pollMs);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    })();
  }

  /** Finishes the batch in hand, then stops and closes the transport. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.o.transport.close();
  }
}

/** What is kept of a message with a secret once it is sent or given up: its data without the secret. */
function redactedData(row: OutboxRow): string {
  try {
    return toJson(redactEmailData(row.template, fromJson<unknown>(row.data, {})));
  } catch {
    return "{}";
  }
}
