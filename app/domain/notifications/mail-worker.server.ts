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
import { fromJson } from "~db/json";
import { renderEmail, type EmailContext } from "~emails/index";
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
  to: string;
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

/** 1, 2, 4 … minutes, at most an hour, with ±20 % jitter so a recovering server is not stampeded. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** An SMTP reply in the 5xx range is permanent; anything else (4xx, a connection that failed) may pass. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
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
      leaseMs: 5 * MINUTE,
      batchSize: 50,
      concurrency: 10,
      pollMs: 1_000,
      maxAgeMs: 24 * 60 * MINUTE,
      ...options,
    } as typeof this.o;
  }

  /** Takes up to a batch of due rows for this worker: pending ones whose time has come, and leases that ran out. */
  async claim(now = new Date()): Promise<OutboxRow[]> {
    const { db, engine, batchSize, leaseMs } = this.o;
    const nowIso = now.toISOString();
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
   * Claims one batch and sends it. What happened to each message is recorded in one transaction at the end
   * of the batch (one disk sync, not one per message); a crash before then means the batch is sent again
   * when its lease runs out — at least once, with the same Message-IDs.
   */
  async runOnce(now = new Date()): Promise<BatchResult> {
    const rows = await this.claim(now);
    const result: BatchResult = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
    if (rows.length === 0) return result;
    const context = await this.o.context();
    const outcomes: Outcome[] = [];
    await mapWithConcurrency(rows, this.o.concurrency, async (row) => {
      const outcome = await this.deliver(row, context);
      outcomes.push(outcome);
      result[outcome.kind]++;
    });
    await this.o.db.transaction().execute(async (trx) => {
      for (const o of outcomes) {
        await trx.updateTable("outbox").set(o.set).where("id", "=", o.id).where("status", "=", "sending").execute();
      }
    });
    for (const o of outcomes) if (o.kind === "failed") this.log(`[mail] message ${o.id} to ${o.to} failed: ${o.set.last_error}`);
    return result;
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
    try {
      const info = await this.o.transport.send(this.message(row, context));
      const now = new Date().toISOString();
      return {
        id: row.id,
        to: row.to_email,
        kind: "sent",
        set: {
          status: "sent",
          sent_at: now,
          smtp_response: info.response.slice(0, 1000),
          last_error: null,
          lease_until: null,
          updated_at: now,
          // A sign-in or reset link has done its job once delivered: do not keep it.
          ...(row.contains_secret ? { data: "{}", redacted_at: now } : {}),
        },
      };
    } catch (error) {
      return this.failure(row, error);
    }
  }

  private failure(row: OutboxRow, error: unknown): Outcome {
    const now = new Date();
    const nowIso = now.toISOString();
    const reason = describeError(error);
    const tooOld = now.getTime() + retryDelayMs(row.attempts, () => 0.5) - Date.parse(row.created_at) > this.o.maxAgeMs;
    if (isPermanent(error) || tooOld || !isSendable(error)) {
      return {
        id: row.id,
        to: row.to_email,
        kind: "failed",
        set: {
          status: "failed",
          last_error: tooOld && !isPermanent(error) ? `Gave up after ${Math.round(this.o.maxAgeMs / 3_600_000)} hours: ${reason}` : reason,
          smtp_response: (error as { response?: string })?.response?.slice(0, 1000) ?? null,
          lease_until: null,
          updated_at: nowIso,
          ...(row.contains_secret ? { data: "{}", redacted_at: nowIso } : {}),
        },
      };
    }
    return {
      id: row.id,
      to: row.to_email,
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

/** Render errors (an unknown template, bad data) are bugs: trying again will not help. */
function isSendable(error: unknown): boolean {
  return !(error instanceof Error && (error.name === "UnknownTemplateError" || error instanceof TypeError));
}
