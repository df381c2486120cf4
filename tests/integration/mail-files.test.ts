/** The embedded default: without SMTP_URL each message is a well-formed .eml file a mail client can open. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { SAMPLE_APPLICATION } from "~emails/application-data";
import { MailWorker } from "~/domain/notifications/mail-worker.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { assertMailConfiguredForProduction, readMailConfig } from "~/utils/mail-config.server";
import { createFileTransport, smtpOptionsFromUrl } from "~/utils/mail-transport.server";
import { useTestDb } from "../setup/test-db";

const db = useTestDb();

describe("email without an SMTP server", () => {
  it("writes each message as an .eml file with headers, text and HTML", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-mail-"));
    await enqueue(db().db, {
      template: "application-received",
      data: SAMPLE_APPLICATION,
      reference: SAMPLE_APPLICATION.reference,
      recipients: [{ email: "alex@larder.example.org", name: "Alex Turner" }],
    });
    const worker = new MailWorker({
      db: db().db,
      engine: db().engine,
      transport: createFileTransport(dir),
      from: '"Apply for a community grant" <no-reply@grants.example.org>',
      context: async () => ({ operatorName: "Cambridgeshire County Council", serviceName: "Apply for a community grant", contactEmail: "help@example.org", contactPhone: null, serviceUrl: "http://localhost:3000" }),
      log: () => {},
    });
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(1);
    const raw = fs.readFileSync(path.join(dir, files[0]), "utf8");
    expect(raw).toMatch(/^Content-Type: multipart\/alternative|^From: /m);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe("We have received your application (CRF-2026-00042)");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe('"Alex Turner" <alex@larder.example.org>');
    expect(mail.from?.text).toBe('"Apply for a community grant" <no-reply@grants.example.org>');
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@/);
    expect(mail.text).toContain("Your reference is CRF-2026-00042");
    expect(mail.html).toContain("<h1");
    const [row] = await db().db.selectFrom("outbox").selectAll().execute();
    expect(row.smtp_response).toContain(files[0]);
    worker["o"].transport.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("mail configuration", () => {
  it("writes to ./data/mail unless SMTP_URL is set", () => {
    expect(readMailConfig({})).toMatchObject({ smtpUrl: null, mailDir: path.resolve("data/mail"), publicUrl: "http://localhost:3000" });
    expect(readMailConfig({ SMTP_URL: "smtp://u:p@mail.example.org:587", PUBLIC_URL: "https://grants.example.org/" })).toMatchObject({
      smtpUrl: "smtp://u:p@mail.example.org:587",
      publicUrl: "https://grants.example.org",
    });
  });

  it("refuses to start in production without SMTP_URL, saying what to set", () => {
    expect(() => assertMailConfiguredForProduction(readMailConfig({}), true)).toThrow(/SMTP_URL is not set.*smtp:\/\/user:password@host:587/);
    expect(() => assertMailConfiguredForProduction(readMailConfig({}), false)).not.toThrow();
    expect(() => assertMailConfiguredForProduction(readMailConfig({ SMTP_URL: "smtp://mail.example.org" }), true)).not.toThrow();
  });

  it("reads a pooled SMTP connection from SMTP_URL", () => {
    expect(smtpOptionsFromUrl("smtps://grants%40council:p%C3%A4ss@mail.example.org")).toMatchObject({
      pool: true,
      host: "mail.example.org",
      port: 465,
      secure: true,
      auth: { user: "grants@council", pass: "päss" },
    });
    expect(smtpOptionsFromUrl("smtp://mail.example.org:2525?maxConnections=10")).toMatchObject({ port: 2525, secure: false, maxConnections: 10, requireTLS: true });
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:2525?ignoreTLS=true")).toMatchObject({ ignoreTLS: true });
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:2525?ignoreTLS=true").requireTLS).toBeUndefined();
    expect(() => smtpOptionsFromUrl("http://mail.example.org")).toThrow(/smtp:\/\//);
  });
});
