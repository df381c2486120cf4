/**
 * The emails the e2e server wrote (no SMTP_URL: the mail worker writes .eml files under DATA_DIR/mail),
 * read as a person would read them.
 */
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

export interface ReadEmail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

async function readAll(dir: string): Promise<ReadEmail[]> {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (f) => {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
      const text = mail.text ?? "";
      return { to, subject: mail.subject ?? "", text, links: [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]) };
    }),
  );
}

/** Waits (up to 15 s: the worker polls every second) for an email to `address` whose subject matches. */
export async function waitForEmail(dataDir: string, address: string, subject: RegExp): Promise<ReadEmail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await readAll(path.join(dataDir, "mail"))).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()) && subject.test(m.subject));
    if (found.length) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`No email to ${address} with a subject like ${subject} within 15 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every email to `address` so far whose subject matches. */
export async function emailsTo(dataDir: string, address: string, subject: RegExp): Promise<ReadEmail[]> {
  return (await readAll(path.join(dataDir, "mail"))).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()) && subject.test(m.subject));
}
