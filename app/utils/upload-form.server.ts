/**
 * Reading a form that may carry files (multipart/form-data) the way `readForm` reads any other: the CSRF
 * token is checked before anything is kept. Text fields are gathered (each with a size limit); each file is
 * handed, as it streams in, to a receiver that stores it (with its own size limit) and can later discard it.
 * The token comes before the file input in every form of ours, so a request without a good token is turned
 * away before a byte of its file is stored. If reading fails part-way (the connection drops, the body is too
 * large or malformed), every file already received is discarded before the error is passed on.
 */
import type { AppLoadContext } from "@remix-run/node";
import { acceptableCsrfTokens, signedOutRedirect } from "./auth.server";
import { CSRF_FIELD, readForm } from "./form.server";
import { MultipartError, multipartBoundary, readMultipart, type PartHeaders } from "./multipart.server";
import { safeEqual } from "./secrets.server";

export interface FileReceiver<T> {
  /** Stores one file part as it streams in (reading all of `body`, or abandoning it). */
  receive(part: PartHeaders & { body: AsyncIterable<Uint8Array> }): Promise<T>;
  /** Undoes `receive` (used when the request fails after it). */
  discard(received: T): Promise<void>;
}

export interface UploadForm<T> {
  form: FormData;
  files: { field: string; received: T }[];
}

const MAX_FIELD_BYTES = 256 * 1024;
const MAX_FILE_PARTS = 10;

/** The answer to a form without a good token (as `readForm` gives it), or null when the token is good. */
async function csrfRefusal(request: Request, context: AppLoadContext, sent: FormDataEntryValue | null): Promise<Response | null> {
  const tokens = await acceptableCsrfTokens(request, context);
  if (typeof sent === "string" && sent && tokens.some((t) => safeEqual(t, sent))) return null;
  return (await signedOutRedirect(request, context)) ?? new Response("The form had expired. Go back, refresh the page and try again.", { status: 403, statusText: "csrf" });
}

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > MAX_FIELD_BYTES) throw new MultipartError("A field is too long", "too_large");
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A form with files: text fields in `form`, files as the receiver stored them. Any other body is read by
 * `readForm` (no files). `maxFileBytes` bounds the body as a whole (twice a file's limit, plus room for
 * the fields), so a file a little too large is read to its end and refused with a message, and one far
 * too large is cut off.
 */
export async function readUploadForm<T>(request: Request, context: AppLoadContext, receiver: FileReceiver<T>, maxFileBytes: number): Promise<UploadForm<T>> {
  const boundary = multipartBoundary(request.headers.get("Content-Type"));
  if (!boundary || !request.body) return { form: await readForm(request, context), files: [] };
  const form = new FormData();
  const files: UploadForm<T>["files"] = [];
  let checked = false;
  let refused: Response | null = null;
  try {
    for await (const part of readMultipart(request.body, boundary, { maxBodyBytes: 2 * maxFileBytes + 1024 * 1024 }, request.signal)) {
      // Refused: the rest of the body is read and dropped (not stored), so the browser gets the answer.
      if (refused) continue;
      if (part.filename === null) {
        form.append(part.name, await text(part.body));
        continue;
      }
      if (!checked) {
        refused = await csrfRefusal(request, context, form.get(CSRF_FIELD));
        checked = true;
        if (refused) continue;
      }
      if (files.length >= MAX_FILE_PARTS) throw new MultipartError("Too many files", "too_large");
      files.push({ field: part.name, received: await receiver.receive(part) });
    }
    if (!checked) refused = await csrfRefusal(request, context, form.get(CSRF_FIELD));
    if (refused) throw refused;
    return { form, files };
  } catch (error) {
    await Promise.all(files.map((f) => receiver.discard(f.received).catch(() => {})));
    if (error instanceof MultipartError) {
      if (error.kind === "too_large") throw new Response("The form was too large to send. Go back and choose a smaller file.", { status: 413 });
      throw new Response("The form could not be read. Go back and try again.", { status: 400 });
    }
    throw error;
  }
}
