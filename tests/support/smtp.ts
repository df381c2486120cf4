/**
 * A real SMTP peer for tests: smtp-server on a free local port, parsing what arrives with mailparser.
 * It can refuse chosen recipients, slow down, or go away and come back on the same port.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export interface TestSmtpOptions {
  /** Addresses answered with 550 at RCPT TO. */
  reject?: (address: string) => boolean;
  /** Milliseconds to wait before accepting each message's data. */
  delayMs?: number;
}

export interface TestSmtp {
  port: number;
  url: string;
  messages: ParsedMail[];
  stop(): Promise<void>;
  /** Listen again on the same port (after stop). */
  restart(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

export async function startSmtp(opts: TestSmtpOptions = {}, port = 0): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    // Tests stop the server with connections still open (a killed worker's, a pool's): do not wait 30 s for them.
    closeTimeout: 200,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.reject?.(address.address)) {
        const err = new Error("5.1.1 Mailbox unavailable: no such user") as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
          messages.push(parsed);
          callback();
        })
        .catch(callback);
    },
  };
  let server = new SMTPServer(options);
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(p, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
    });
  const actual = await listen(port);
  const smtp: TestSmtp = {
    port: actual,
    url: `smtp://127.0.0.1:${actual}?ignoreTLS=true`,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = new SMTPServer(options);
      await listen(actual);
    },
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`Only ${messages.length} of ${count} messages arrived`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  return smtp;
}
