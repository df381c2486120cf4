/**
 * A streaming reader of `multipart/form-data` bodies (RFC 7578, as browsers send them): parts one at a
 * time, a file's bytes as they arrive, never the whole body in memory. The body as a whole and every
 * part's headers have limits; a body that ends before its closing boundary is an error, so an upload cut
 * off half-way is never taken for a complete one.
 *
 * Written here rather than taken from Remix's `unstable_parseMultipartFormData`, whose parser refuses
 * ordinary file names containing ";" (a quote; final.pdf) and cannot limit the body as a whole.
 */

export class MultipartError extends Error {
  constructor(
    message: string,
    readonly kind: "malformed" | "too_large" | "truncated",
  ) {
    super(message);
    this.name = "MultipartError";
  }
}

export interface PartHeaders {
  /** The form field's name. */
  name: string;
  /** The file's name as the browser sent it (not yet made safe), or null for an ordinary field. */
  filename: string | null;
  contentType: string | null;
}

export interface Part extends PartHeaders {
  /** The part's bytes. Read it before asking for the next part (what is left unread is skipped). */
  body: AsyncIterable<Uint8Array>;
}

/** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType) return null;
  const [type, ...params] = splitParams(contentType);
  if (type.trim().toLowerCase() !== "multipart/form-data") return null;
  for (const p of params) {
    if (p.name === "boundary" && /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/.test(p.value) && !p.value.endsWith(" ")) return p.value;
  }
  return null;
}

interface Param {
  name: string;
  value: string;
}

/**
 * `form-data; name="a"; filename="b; c.pdf"` → ["form-data", {name: "a"}, {filename: "b; c.pdf"}]: a ";"
 * inside quotes is part of the value. Browsers never escape with backslashes (they percent-encode `"`);
 * other clients write `\"` and `\\`, which are read back, and any other backslash is kept as it is.
 */
function splitParams(header: string): [string, ...Param[]] {
  let i = header.indexOf(";");
  const head = i === -1 ? header : header.slice(0, i);
  const params: Param[] = [];
  while (i !== -1 && i < header.length) {
    const eq = header.indexOf("=", i + 1);
    if (eq === -1) break;
    const name = header.slice(i + 1, eq).trim().toLowerCase();
    let j = eq + 1;
    while (header[j] === " " || header[j] === "\t") j++;
    let value = "";
    if (header[j] === '"') {
      for (j++; j < header.length && header[j] !== '"'; j++) {
        if (header[j] === "\\" && (header[j + 1] === '"' || header[j + 1] === "\\")) j++;
        value += header[j];
      }
      i = header.indexOf(";", j);
    } else {
      i = header.indexOf(";", j);
      value = header.slice(j, i === -1 ? undefined : i).trim();
    }
    if (name) params.push({ name, value });
  }
  return [head, ...params];
}

/** Browsers percent-encode only `"`, CR and LF in a part's name and filename (the HTML standard). */
function browserDecode(value: string): string {
  return value.replace(/%(22|0D|0A)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** RFC 5987 `UTF-8''caf%C3%A9.pdf`, which a few clients send as `filename*`. */
function extValue(value: string): string | null {
  const m = /^utf-8'[^']*'(.*)$/i.exec(value);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

export function parsePartHeaders(text: string): PartHeaders {
  let disposition: string | null = null;
  let contentType: string | null = null;
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new MultipartError("A part header has no name", "malformed");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-disposition") disposition = value;
    if (name === "content-type") contentType = value;
  }
  if (!disposition) throw new MultipartError("A part has no Content-Disposition", "malformed");
  const [type, ...params] = splitParams(disposition);
  if (type.trim().toLowerCase() !== "form-data") throw new MultipartError("A part is not form-data", "malformed");
  const get = (key: string) => params.find((p) => p.name === key)?.value;
  const name = get("name");
  if (name === undefined) throw new MultipartError("A part has no field name", "malformed");
  const star = get("filename*");
  const plain = get("filename");
  const filename = (star !== undefined ? extValue(star) : null) ?? (plain !== undefined ? browserDecode(plain) : null);
  return { name: browserDecode(name), filename, contentType };
}

export interface MultipartLimits {
  /** The whole body, in bytes: past this reading stops with a "too_large" error. */
  maxBodyBytes: number;
  /** One part's headers. */
  maxHeaderBytes?: number;
  /** How many parts. */
  maxParts?: number;
}

/** A reader over the body stream that keeps only what it has not handed on yet. */
class Buffered {
  private buf: Buffer = Buffer.alloc(0);
  private total = 0;
  private done = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(
    stream: ReadableStream<Uint8Array>,
    private readonly maxBytes: number,
    private readonly signal?: AbortSignal,
  ) {
    this.reader = stream.getReader();
  }

  /** Reads one more chunk into the buffer; false at the end of the body. */
  private async more(): Promise<boolean> {
    if (this.done) return false;
    if (this.signal?.aborted) throw new MultipartError("The request was cut off", "truncated");
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.reader.read();
    } catch {
      throw new MultipartError("The request was cut off", "truncated");
    }
    if (result.done) {
      this.done = true;
      return false;
    }
    this.total += result.value.byteLength;
    if (this.total > this.maxBytes) throw new MultipartError("The form is larger than allowed", "too_large");
    const chunk = Buffer.from(result.value.buffer, result.value.byteOffset, result.value.byteLength);
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    return true;
  }

  /** The bytes before `delimiter` (which is consumed), at most `max` of them. */
  async until(delimiter: Buffer, max: number): Promise<Buffer> {
    for (;;) {
      const at = this.buf.indexOf(delimiter);
      if (at >= 0) {
        if (at > max) break;
        const out = this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + delimiter.length);
        return Buffer.from(out);
      }
      if (this.buf.length > max + delimiter.length) break;
      if (!(await this.more())) throw new MultipartError("The form ended early", "truncated");
    }
    throw new MultipartError("A part's headers are too long", "malformed");
  }

  /** The bytes before `delimiter` as they arrive (the delimiter is consumed). */
  async *stream(delimiter: Buffer): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = this.buf.indexOf(delimiter);
      if (at >= 0) {
        const out = this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + delimiter.length);
        if (out.length) yield out;
        return;
      }
      // Keep enough to find a delimiter that straddles two chunks; hand on the rest.
      const safe = this.buf.length - (delimiter.length - 1);
      if (safe > 0) {
        const out = this.buf.subarray(0, safe);
        this.buf = this.buf.subarray(safe);
        yield out;
      }
      if (!(await this.more())) throw new MultipartError("The form ended early", "truncated");
    }
  }

  async take(n: number): Promise<Buffer> {
    while (this.buf.length < n) if (!(await this.more())) throw new MultipartError("The form ended early", "truncated");
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Puts bytes back in front (the leading CRLF that makes the first boundary look like the others). */
  unshift(bytes: Buffer): void {
    this.buf = Buffer.concat([bytes, this.buf]);
  }

  cancel(): void {
    this.reader.cancel().catch(() => {});
  }
}

/**
 * The parts of a multipart body, in order. Each part's `body` must be read (or abandoned) before the next
 * part is asked for; whatever is left of it is skipped. Throws MultipartError for a malformed, truncated
 * or too large body.
 */
export async function* readMultipart(body: ReadableStream<Uint8Array>, boundary: string, limits: MultipartLimits, signal?: AbortSignal): AsyncGenerator<Part> {
  const input = new Buffered(body, limits.maxBodyBytes, signal);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const maxHeader = limits.maxHeaderBytes ?? 16 * 1024;
  const maxParts = limits.maxParts ?? 1000;
  let finished = false;
  try {
    input.unshift(Buffer.from("\r\n"));
    // Anything before the first boundary (a preamble) is ignored.
    for await (const _ of input.stream(delimiter)) void _;
    for (let count = 0; ; count++) {
      const after = await input.take(2);
      if (after.toString("latin1") === "--") {
        finished = true;
        return; // the closing boundary; an epilogue is ignored
      }
      if (after.toString("latin1") !== "\r\n") throw new MultipartError("A boundary is not followed by a new line", "malformed");
      if (count >= maxParts) throw new MultipartError("The form has too many fields", "too_large");
      const headers = parsePartHeaders((await input.until(Buffer.from("\r\n\r\n"), maxHeader)).toString("utf8"));
      const data = input.stream(delimiter);
      // A reader that stops early must not end the part's generator: what it left is skipped below.
      const body: AsyncIterator<Uint8Array> = { next: () => data.next(), return: async () => ({ done: true, value: undefined }) };
      yield { ...headers, body: { [Symbol.asyncIterator]: () => body } };
      // Skip what the reader of this part left unread.
      for await (const _ of data) void _;
    }
  } finally {
    if (!finished) input.cancel();
  }
}
