/**
 * Virus scanning of uploads through a pluggable scanner. The one the portal ships speaks clamd's INSTREAM
 * protocol (ClamAV's daemon) over its unix socket (CLAMAV_SOCKET) or TCP (CLAMAV_HOST, CLAMAV_PORT):
 * `zINSTREAM\0`, then the file in chunks each preceded by its length (4 bytes, big-endian), then a zero
 * length; clamd answers `stream: OK` or `stream: <signature> FOUND` (or `… ERROR`), ended by a NUL.
 *
 * A scanner that cannot be reached, times out or answers with an error throws ScannerUnavailable: the
 * file then stays "pending" and a scheduled job tries again. With no scanner configured there is none
 * (files are marked "not scanned", which staff see).
 */
import net from "node:net";
import type { Readable } from "node:stream";

export type ScanVerdict = { kind: "clean" } | { kind: "infected"; signature: string };

export interface VirusScanner {
  /** For logs and messages: "ClamAV at /run/clamav/clamd.ctl". */
  readonly description: string;
  scan(body: Readable | AsyncIterable<Uint8Array>): Promise<ScanVerdict>;
}

export class ScannerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScannerUnavailable";
  }
}

export interface ClamAvOptions {
  socketPath?: string;
  host?: string;
  port?: number;
  /** For the whole scan, connection to answer. Default 60 s (a 10 MB file takes clamd well under that). */
  timeoutMs?: number;
  /** Bytes per INSTREAM chunk (clamd's StreamMaxLength still applies to the whole file). */
  chunkBytes?: number;
}

/** The answer clamd sends for a stream: "stream: OK", "stream: Eicar-Signature FOUND", "… ERROR". */
export function readClamdReply(reply: string): ScanVerdict {
  const text = reply.replace(/\0+$/, "").trim();
  if (/^stream: OK$/.test(text)) return { kind: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { kind: "infected", signature: found[1].slice(0, 200) };
  throw new ScannerUnavailable(`clamd answered: ${text.slice(0, 200) || "(nothing)"}`);
}

export function clamavScanner(opts: ClamAvOptions): VirusScanner {
  const where = opts.socketPath ? opts.socketPath : `${opts.host ?? "127.0.0.1"}:${opts.port ?? 3310}`;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const chunkBytes = opts.chunkBytes ?? 64 * 1024;
  return {
    description: `ClamAV at ${where}`,
    scan(body) {
      return new Promise<ScanVerdict>((resolve, reject) => {
        const socket = opts.socketPath ? net.createConnection({ path: opts.socketPath }) : net.createConnection({ host: opts.host ?? "127.0.0.1", port: opts.port ?? 3310 });
        let reply = "";
        let settled = false;
        const finish = (error: Error | null, verdict?: ScanVerdict) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          socket.destroy();
          if (error) reject(error);
          else resolve(verdict!);
        };
        const timer = setTimeout(() => finish(new ScannerUnavailable(`${where} did not answer within ${timeoutMs} ms`)), timeoutMs);
        socket.setEncoding("utf8");
        socket.on("error", (error) => finish(new ScannerUnavailable(`${where}: ${error.message}`)));
        socket.on("data", (data: string) => {
          reply += data;
          if (reply.includes("\0")) {
            try {
              finish(null, readClamdReply(reply.slice(0, reply.indexOf("\0"))));
            } catch (error) {
              finish(error as Error);
            }
          }
        });
        socket.on("end", () => {
          try {
            finish(null, readClamdReply(reply));
          } catch (error) {
            finish(error as Error);
          }
        });
        socket.on("connect", () => {
          send().catch((error: unknown) => finish(error instanceof ScannerUnavailable ? error : new ScannerUnavailable(`${where}: ${(error as Error).message}`)));
        });

        const write = (bytes: Uint8Array) =>
          new Promise<void>((ok, fail) => {
            if (settled) return fail(new ScannerUnavailable("the scan has already ended"));
            if (socket.write(bytes)) return ok();
            const onDrain = () => {
              socket.off("close", onClose);
              ok();
            };
            const onClose = () => {
              socket.off("drain", onDrain);
              fail(new ScannerUnavailable(`${where} closed the connection`));
            };
            socket.once("drain", onDrain);
            socket.once("close", onClose);
          });

        async function send() {
          await write(Buffer.from("zINSTREAM\0"));
          for await (const chunk of body) {
            const bytes = Buffer.from(chunk);
            for (let i = 0; i < bytes.length; i += chunkBytes) {
              const piece = bytes.subarray(i, i + chunkBytes);
              const size = Buffer.alloc(4);
              size.writeUInt32BE(piece.length);
              await write(size);
              await write(piece);
              if (settled) return; // clamd answered early (a size limit): the answer stands
            }
          }
          await write(Buffer.alloc(4)); // a zero length ends the stream
        }
      });
    },
  };
}

/** The scanner the environment configures (CLAMAV_SOCKET, or CLAMAV_HOST with CLAMAV_PORT), or null. */
export function scannerFromEnv(env: Record<string, string | undefined> = process.env): VirusScanner | null {
  const timeoutMs = env.CLAMAV_TIMEOUT_MS ? Number(env.CLAMAV_TIMEOUT_MS) : undefined;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) throw new Error(`CLAMAV_TIMEOUT_MS must be a number of milliseconds, got "${env.CLAMAV_TIMEOUT_MS}"`);
  if (env.CLAMAV_SOCKET) return clamavScanner({ socketPath: env.CLAMAV_SOCKET, timeoutMs });
  if (env.CLAMAV_HOST) {
    const port = Number(env.CLAMAV_PORT || 3310);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`CLAMAV_PORT must be a port number, got "${env.CLAMAV_PORT}"`);
    return clamavScanner({ host: env.CLAMAV_HOST, port, timeoutMs });
  }
  return null;
}
