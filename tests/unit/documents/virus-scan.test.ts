/** The ClamAV client against a fake clamd speaking INSTREAM over a unix socket. */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScannerUnavailable, clamavScanner, readClamdReply, scannerFromEnv } from "~/utils/virus-scan.server";
import { EICAR, pdf, startFakeClamd, type FakeClamd } from "../../support/files";

let clamd: FakeClamd;
let silent: FakeClamd;
beforeAll(async () => {
  clamd = await startFakeClamd();
  silent = await startFakeClamd("silent");
});
afterAll(async () => {
  await clamd.close();
  await silent.close();
});

describe("the ClamAV scanner", () => {
  it("says clean for a clean file, sent in several chunks", async () => {
    const scanner = clamavScanner({ socketPath: clamd.socketPath, chunkBytes: 16 });
    expect(await scanner.scan(Readable.from([pdf(), Buffer.alloc(100_000, 0x20)]))).toEqual({ kind: "clean" });
  });

  it("names the signature it found", async () => {
    const scanner = clamavScanner({ socketPath: clamd.socketPath });
    expect(await scanner.scan(Readable.from([Buffer.from(EICAR)]))).toEqual({ kind: "infected", signature: "Eicar-Signature" });
  });

  it("is unavailable when nothing listens, or nothing answers in time", async () => {
    await expect(clamavScanner({ socketPath: `${clamd.socketPath}.missing` }).scan(Readable.from([pdf()]))).rejects.toBeInstanceOf(ScannerUnavailable);
    await expect(clamavScanner({ host: "127.0.0.1", port: 1 }).scan(Readable.from([pdf()]))).rejects.toBeInstanceOf(ScannerUnavailable);
    await expect(clamavScanner({ socketPath: silent.socketPath, timeoutMs: 200 }).scan(Readable.from([pdf()]))).rejects.toThrow(/did not answer within 200 ms/);
  });

  it("reads clamd's answers, and treats an error as unavailable", () => {
    expect(readClamdReply("stream: OK\0")).toEqual({ kind: "clean" });
    expect(readClamdReply("stream: Win.Test.EICAR_HDB-1 FOUND")).toEqual({ kind: "infected", signature: "Win.Test.EICAR_HDB-1" });
    expect(() => readClamdReply("INSTREAM size limit exceeded. ERROR")).toThrow(ScannerUnavailable);
    expect(() => readClamdReply("")).toThrow(ScannerUnavailable);
  });

  it("comes from CLAMAV_SOCKET or CLAMAV_HOST/CLAMAV_PORT, and there is none without them", () => {
    expect(scannerFromEnv({})).toBeNull();
    expect(scannerFromEnv({ CLAMAV_SOCKET: "/run/clamav/clamd.ctl" })?.description).toBe("ClamAV at /run/clamav/clamd.ctl");
    expect(scannerFromEnv({ CLAMAV_HOST: "clamav.internal", CLAMAV_PORT: "3310" })?.description).toBe("ClamAV at clamav.internal:3310");
    expect(() => scannerFromEnv({ CLAMAV_HOST: "clamav.internal", CLAMAV_PORT: "port" })).toThrow(/CLAMAV_PORT/);
  });
});
