/**
 * Email that is never lost: the outbox and the mail worker against a real SMTP peer (smtp-server), on
 * whichever engine TEST_ENGINE names. What a group would notice: the message arrives, once, readable.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { SAMPLE_APPLICATION } from "~emails/application-data";
import type { EmailContext } from "~emails/index";
import { MailWorker, isPermanent, retryDelayMs, type MailWorkerOptions } from "~/domain/notifications/mail-worker.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { createDb } from "~db/client";
import { createSmtpTransport, type MailTransport } from "~/utils/mail-transport.server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { useTestDb } from "../setup/test-db";

const db = useTestDb();

const CONTEXT: EmailContext = {
  operatorName: "Cambridgeshire County Council",
  serviceName: "Apply for a community grant",
  contactEmail: "community.grants@council.example.org",
  contactPhone: "0345 045 5200",
  serviceUrl: "http://localhost:3000",
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await db().db.deleteFrom("outbox").execute();
});

async function smtp(opts: Parameters<typeof startSmtp>[0] = {}): Promise<TestSmtp> {
  const s = await startSmtp(opts);
  cleanups.push(() => s.stop().catch(() => {}));
  return s;
}

function worker(transport: MailTransport, opts: Partial<MailWorkerOptions> = {}): MailWorker {
  const w = new MailWorker({
    db: db().db,
    engine: db().engine,
    transport,
    from: '"Apply for a community grant" <no-reply@grants.example.org>',
    context: async () => CONTEXT,
    log: () => {},
    pollMs: 20,
    ...opts,
  });
  cleanups.push(() => transport.close());
  return w;
}

async function queue(n: number, opts: { secret?: boolean; attachment?: boolean; emails?: string[] } = {}) {
  const emails = opts.emails ?? Array.from({ length: n }, (_, i) => `member${i}@group.example.org`);
  return enqueue(db().db, {
    template: "application-received",
    data: SAMPLE_APPLICATION,
    reference: SAMPLE_APPLICATION.reference,
    recipients: emails.map((email, i) => ({ email, name: `Member ${i}` })),
    containsSecret: opts.secret,
    attachments: opts.attachment
      ? [{ filename: "award-letter.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.7\n% test letter\n") }]
      : undefined,
  });
}

async function rows() {
  return db().db.selectFrom("outbox").selectAll().orderBy("id").execute();
}

async function drain(w: MailWorker, limit = 200) {
  for (let i = 0; i < limit; i++) {
    const r = await w.runOnce();
    if (r.claimed === 0) return;
  }
}

describe("the mail worker", () => {
  it("delivers a message with its subject, text, HTML and an attachment, and records delivery", async () => {
    const peer = await smtp();
    const [id] = await queue(1, { attachment: true });
    const result = await worker(createSmtpTransport(peer.url)).runOnce();
    expect(result).toMatchObject({ claimed: 1, sent: 1 });

    const [mail] = peer.messages;
    expect(mail.subject).toBe("We have received your application (CRF-2026-00042)");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toMatchObject({ address: "member0@group.example.org", name: "Member 0" });
    expect(mail.from?.value[0].address).toBe("no-reply@grants.example.org");
    expect(mail.text).toContain("Your reference is CRF-2026-00042");
    expect(mail.text).toContain("Łódź Polish Community Café <Cambridge> & Friends");
    expect(mail.html).toContain("Łódź Polish Community Café &lt;Cambridge&gt; &amp; Friends");
    expect(mail.html).not.toContain("<Cambridge>");
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ["award-letter.pdf", "application/pdf", "%PDF-1.7\n% test letter\n"],
    ]);

    const [row] = await rows();
    expect(row).toMatchObject({ id, status: "sent", attempts: 1, lease_until: null });
    expect(row.sent_at).not.toBeNull();
    expect(row.smtp_response).toMatch(/^250/);
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.headers.get("x-outbox-id")).toBe(String(id));
  });

  it("never sends a delivered message again", async () => {
    const peer = await smtp();
    await queue(3);
    const w = worker(createSmtpTransport(peer.url));
    await drain(w);
    await drain(w);
    expect(peer.messages).toHaveLength(3);
  });

  it("when the SMTP server is down, messages wait and go when it returns", async () => {
    const peer = await smtp();
    await peer.stop();
    await queue(3);
    const w = worker(createSmtpTransport(peer.url));
    expect(await w.runOnce()).toMatchObject({ claimed: 3, retrying: 3, sent: 0 });
    const waiting = await rows();
    expect(waiting.every((r) => r.status === "pending" && r.last_error && r.next_attempt_at > new Date().toISOString())).toBe(true);
    // Nothing is due until its retry time.
    expect((await w.runOnce()).claimed).toBe(0);

    await peer.restart();
    expect(await w.runOnce(new Date(Date.now() + 2 * 60 * 60_000))).toMatchObject({ claimed: 3, sent: 3 });
    expect(peer.messages).toHaveLength(3);
    expect((await rows()).every((r) => r.status === "sent" && r.attempts === 2)).toBe(true);
  });

  it("a 550 for one recipient marks that one failed with the server's reason; the others are delivered", async () => {
    const peer = await smtp({ reject: (a) => a === "gone@group.example.org" });
    await queue(3, { emails: ["alex@group.example.org", "gone@group.example.org", "jo@group.example.org"] });
    expect(await worker(createSmtpTransport(peer.url)).runOnce()).toMatchObject({ sent: 2, failed: 1 });
    expect(peer.messages.map((m) => (Array.isArray(m.to) ? "" : m.to?.value[0].address)).sort()).toEqual(["alex@group.example.org", "jo@group.example.org"]);
    const failed = (await rows()).find((r) => r.to_email === "gone@group.example.org")!;
    expect(failed.status).toBe("failed");
    expect(failed.last_error).toContain("550");
    expect(failed.last_error).toContain("Mailbox unavailable");
  });

  it("gives up on a message that has failed for 24 hours", async () => {
    const peer = await smtp();
    await peer.stop();
    await queue(1);
    const dayAgo = new Date(Date.now() - 24 * 60 * 60_000).toISOString();
    await db().db.updateTable("outbox").set({ created_at: dayAgo } as never).execute();
    await queue(1, { secret: true });
    await db().db.updateTable("outbox").set({ created_at: dayAgo } as never).execute();
    const w = worker(createSmtpTransport(peer.url));
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    const all = await rows();
    expect(all.map((r) => r.status)).toEqual(["failed", "failed"]);
    expect(all[0].last_error).toMatch(/^Gave up after 24 hours: /);
    expect(fromJson(all[1].data, null)).toEqual({}); // the secret does not wait for ever either
    expect(all[1].redacted_at).not.toBeNull();
  });

  it("a refused message or recipient is permanent; a refused password or TLS problem is retried", () => {
    const err = (code: string, responseCode: number, permanent: boolean) => Object.assign(new Error("x"), { code, responseCode, permanent });
    expect(isPermanent(err("EENVELOPE", 550, true))).toBe(true);
    expect(isPermanent(err("EMESSAGE", 552, true))).toBe(true);
    expect(isPermanent(err("EAUTH", 535, true))).toBe(false);
    expect(isPermanent(err("EPROTOCOL", 554, true))).toBe(false);
    expect(isPermanent(err("EENVELOPE", 450, false))).toBe(false);
    expect(isPermanent(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION" }))).toBe(false);
  });

  it("a worker whose lease ran out does not overwrite what the worker that took over recorded", async () => {
    const peer = await smtp();
    await queue(1);
    const slow = worker(createSmtpTransport(peer.url), { id: "slow", leaseMs: 1 });
    const [claimed] = await slow.claim();
    await new Promise((r) => setTimeout(r, 5));
    const quick = worker(createSmtpTransport(peer.url), { id: "quick" });
    expect(await quick.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    // The slow worker now reports a failure for its stale claim: it must not undo the delivery.
    await slow["record"]([{ id: claimed.id, attempts: claimed.attempts, kind: "retrying", set: { status: "pending", last_error: "late" } }]);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "sent", leased_by: "quick", attempts: 2 });
  });

  it("backs off: 1, 2, 4 minutes … at most an hour", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 7, 20].map((a) => retryDelayMs(a, mid) / 60_000)).toEqual([1, 2, 4, 8, 60, 60]);
  });

  it("redacts a message that carried a secret once it is sent", async () => {
    const peer = await smtp();
    await queue(1, { secret: true });
    await worker(createSmtpTransport(peer.url)).runOnce();
    const [row] = await rows();
    expect(row.status).toBe("sent");
    expect(fromJson(row.data, null)).toEqual({});
    expect(row.redacted_at).not.toBeNull();
    expect(peer.messages[0].text).toContain("CRF-2026-00042"); // it was whole when sent
  });

  it("a message whose template does not exist fails at once with the reason, and blocks nothing", async () => {
    const peer = await smtp();
    await queue(1);
    // Due a second ago: PostgreSQL's now() has microseconds, the worker's clock milliseconds, so a row written
    // in the same millisecond as the claim would only be due at the next poll.
    await db()
      .db.insertInto("outbox")
      .values({ template: "no-such-template", data: "{}", to_email: "x@group.example.org", message_id: "<broken@x>", next_attempt_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(await worker(createSmtpTransport(peer.url)).runOnce()).toMatchObject({ sent: 1, failed: 1 });
    const broken = (await rows()).find((r) => r.template === "no-such-template")!;
    expect(broken).toMatchObject({ status: "failed", attempts: 1 });
    expect(broken.last_error).toContain('no email template called "no-such-template"');
  });

  it("two workers at once deliver every message exactly once", async () => {
    const peer = await smtp();
    await queue(120);
    // A second connection to the same database, as a second app instance would have.
    const other = createDb(db().url);
    cleanups.push(() => other.db.destroy());
    const a = worker(createSmtpTransport(peer.url), { batchSize: 10, id: "a" });
    const b = worker(createSmtpTransport(peer.url), { batchSize: 10, id: "b", db: other.db });
    await Promise.all([drain(a), drain(b)]);
    await peer.waitFor(120);
    const ids = peer.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(120);
    expect(ids).toHaveLength(120);
    const senders = new Set((await rows()).map((r) => r.leased_by));
    expect(senders).toEqual(new Set(["a", "b"])); // both took part
  });

  it("a worker killed mid-batch loses nothing: another sends the rest when its lease runs out", async () => {
    const peer = await smtp({ delayMs: 40 });
    await queue(40);
    // tsx runs the script in a node process of its own: start it in a process group and kill the whole
    // group, or the worker would live on and keep sending.
    const child = spawn(path.resolve("node_modules/.bin/tsx"), [path.resolve("tests/support/worker-child.ts")], {
      env: { ...process.env, DATABASE_URL: db().url, SMTP_URL: peer.url, LEASE_MS: "1500" },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    };
    cleanups.push(killGroup);
    await peer.waitFor(5, 30_000);
    killGroup();
    await new Promise((r) => child.once("exit", r));
    await new Promise((r) => setTimeout(r, 300));
    const afterKill = peer.messages.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(peer.messages.length, "nothing more arrives once the worker is dead").toBe(afterKill);
    const before = peer.messages.length;
    expect(before).toBeLessThan(40);

    const leftovers = (await rows()).filter((r) => r.status !== "sent");
    expect(leftovers.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_600)); // the dead worker's lease runs out
    await drain(worker(createSmtpTransport(peer.url)));

    const all = await rows();
    expect(all.every((r) => r.status === "sent")).toBe(true);
    const received = new Set(peer.messages.map((m) => m.messageId));
    expect(all.every((r) => received.has(r.message_id))).toBe(true);
    // At least once: a message the dead worker sent but had not yet recorded (it records every 10, with 2 in
    // flight) may arrive twice, with the same Message-ID so the recipient's mail program can tell.
    const duplicates = peer.messages.length - received.size;
    expect(received.size).toBe(40);
    expect(duplicates).toBeLessThanOrEqual(10 + 2);
  });
});
