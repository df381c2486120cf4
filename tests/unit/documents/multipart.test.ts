/** The streaming multipart reader: what browsers send, in chunks of any size; and what it refuses. */
import { describe, expect, it } from "vitest";
import { MultipartError, multipartBoundary, parsePartHeaders, readMultipart } from "~/utils/multipart.server";

const B = "----WebKitFormBoundaryAbC123";

function body(parts: { name: string; filename?: string; type?: string; data: string | Buffer }[], end = true): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    out.push(Buffer.from(`--${B}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`), Buffer.from(p.data), Buffer.from("\r\n"));
  }
  if (end) out.push(Buffer.from(`--${B}--\r\n`));
  return Buffer.concat(out);
}

/** The body as a stream in chunks of `size` bytes (1: every byte on its own). */
function stream(bytes: Buffer, size: number, failAfter?: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && at >= failAfter) return controller.error(new Error("aborted"));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(at, at + size)));
      at += size;
    },
  });
}

async function collect(bytes: Buffer, size: number, limit = 1_000_000, readFiles = true) {
  const out: { name: string; filename: string | null; text: string }[] = [];
  for await (const part of readMultipart(stream(bytes, size), B, { maxBodyBytes: limit })) {
    const chunks: Buffer[] = [];
    if (readFiles || part.filename === null) for await (const c of part.body) chunks.push(Buffer.from(c));
    out.push({ name: part.name, filename: part.filename, text: Buffer.concat(chunks).toString("utf8") });
  }
  return out;
}

const FILE = Buffer.concat([Buffer.from("%PDF-1.4\r\n"), Buffer.from(`\r\n--${B.slice(0, 10)}`), Buffer.alloc(5000, 0x41), Buffer.from("\r\n--\r\n")]);
const FORM = body([
  { name: "csrf", data: "token-value" },
  { name: "quotes", filename: "quote; final (1).pdf", type: "application/pdf", data: FILE },
  { name: "intent", data: "upload:quotes" },
]);

describe("readMultipart", () => {
  it.each([1, 7, 64, 4096, 1_000_000])("reads fields and files whole, in chunks of %i bytes", async (size) => {
    const parts = await collect(FORM, size);
    expect(parts.map((p) => [p.name, p.filename])).toEqual([
      ["csrf", null],
      ["quotes", "quote; final (1).pdf"],
      ["intent", null],
    ]);
    expect(parts[0].text).toBe("token-value");
    expect(parts[1].text).toBe(FILE.toString("ascii")); // with a partial boundary and CRLFs inside it
    expect(parts[2].text).toBe("upload:quotes");
  });

  it("skips what a reader leaves unread, and reads the next part", async () => {
    const parts = await collect(FORM, 100, 1_000_000, false);
    expect(parts.map((p) => p.name)).toEqual(["csrf", "quotes", "intent"]);
    expect(parts[2].text).toBe("upload:quotes");
  });

  it("keeps a file's bytes exactly (binary, CRLFs and all)", async () => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
    for await (const part of readMultipart(stream(body([{ name: "f", filename: "x.bin", data: bytes }]), 13), B, { maxBodyBytes: 1e6 })) {
      const chunks: Buffer[] = [];
      for await (const c of part.body) chunks.push(Buffer.from(c));
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    }
  });

  it("refuses a body that ends before its closing boundary (an upload cut off)", async () => {
    await expect(collect(body([{ name: "f", filename: "x.pdf", data: FILE }], false), 100)).rejects.toMatchObject({ kind: "truncated" });
    await expect(collect(FORM.subarray(0, FORM.length / 2), 100)).rejects.toBeInstanceOf(MultipartError);
  });

  it("refuses a stream that fails part-way (the connection dropped)", async () => {
    const run = async () => {
      for await (const part of readMultipart(stream(FORM, 100, 1000), B, { maxBodyBytes: 1e6 })) for await (const _ of part.body) void _;
    };
    await expect(run()).rejects.toMatchObject({ kind: "truncated" });
  });

  it("stops reading once the body passes its limit", async () => {
    await expect(collect(FORM, 100, 2000)).rejects.toMatchObject({ kind: "too_large" });
  });

  it("refuses malformed part headers", async () => {
    const bad = Buffer.from(`--${B}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${B}--\r\n`);
    await expect(collect(bad, 10)).rejects.toMatchObject({ kind: "malformed" });
  });
});

describe("part headers and boundaries", () => {
  it("reads names as browsers send them (UTF-8, quotes and new lines percent-encoded)", () => {
    expect(parsePartHeaders('Content-Disposition: form-data; name="quotes"; filename="Café %22best%22 quote.pdf"\r\nContent-Type: application/pdf')).toEqual({
      name: "quotes",
      filename: 'Café "best" quote.pdf',
      contentType: "application/pdf",
    });
    expect(parsePartHeaders(`Content-Disposition: form-data; name="f"; filename="a\\"b.pdf"`).filename).toBe('a"b.pdf');
    expect(parsePartHeaders(`Content-Disposition: form-data; name="f"; filename="x.pdf"; filename*=UTF-8''%C5%81%C3%B3d%C5%BA.pdf`).filename).toBe("Łódź.pdf");
    expect(parsePartHeaders('Content-Disposition: form-data; name="f"; filename=""').filename).toBe("");
    expect(parsePartHeaders('content-disposition: form-data; name="csrf"').filename).toBeNull();
  });

  it("finds the boundary of multipart/form-data only", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${B}`)).toBe(B);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/x-www-form-urlencoded")).toBeNull();
    expect(multipartBoundary("multipart/form-data")).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });
});
