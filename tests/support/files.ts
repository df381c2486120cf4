/**
 * Small but real files of each kind the portal takes (and some it must refuse), made in memory: a PDF, a
 * Word and an Excel file (zip containers with their [Content_Types].xml, as Office writes them), a JPEG,
 * a PNG; an HTML page; and a fake clamd that answers INSTREAM scans.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

export function pdf(text = "A quote for a tutor's expenses"): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A zip archive with the given entries, stored without compression. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const contentTypes = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${main}"/></Types>`;

export function docx(): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/document.xml"),
    "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Our constitution</w:t></w:r></w:p></w:body></w:document>',
  });
}

export function xlsx(): Buffer {
  return zip({
    "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "/xl/workbook.xml"),
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
  });
}

export function jpg(): Buffer {
  return Buffer.concat([Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"), Buffer.alloc(64, 0x20), Buffer.from("ffd9", "hex")]);
}

export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.from([0, 0x1d, 0x70, 0xb8]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function html(): Buffer {
  return Buffer.from('<!DOCTYPE html><html><body><script>alert("hello")</script></body></html>');
}

/** The EICAR test string: harmless, and every scanner reports it. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

export interface FakeClamd {
  socketPath: string;
  /** How many INSTREAM scans it has answered. */
  scans: () => number;
  close: () => Promise<void>;
}

/**
 * A tiny clamd on a unix socket: reads `zINSTREAM\0` and length-prefixed chunks up to a zero length, then
 * answers `stream: Eicar-Signature FOUND` if the bytes hold the EICAR string, else `stream: OK`.
 * `mode: "silent"` never answers (for timeouts).
 */
export async function startFakeClamd(mode: "answer" | "silent" = "answer"): Promise<FakeClamd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clamd-"));
  const socketPath = path.join(dir, "clamd.sock");
  let scans = 0;
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    let started = false;
    const data: Buffer[] = [];
    socket.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (!started) {
        const nul = buf.indexOf(0);
        if (nul < 0) return;
        if (buf.subarray(0, nul).toString() !== "zINSTREAM") return void socket.end("UNKNOWN COMMAND\0");
        buf = buf.subarray(nul + 1);
        started = true;
      }
      while (buf.length >= 4) {
        const size = buf.readUInt32BE(0);
        if (size === 0) {
          scans++;
          if (mode === "silent") return;
          const found = Buffer.concat(data).includes(EICAR);
          socket.end(found ? "stream: Eicar-Signature FOUND\0" : "stream: OK\0");
          return;
        }
        if (buf.length < 4 + size) return;
        data.push(buf.subarray(4, 4 + size));
        buf = buf.subarray(4 + size);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    scans: () => scans,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        server.unref();
      }),
  };
}
