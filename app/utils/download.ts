/** Files sent for download: the headers a browser needs to save them under the right name. */

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the plain name for old clients (anything
 * outside printable ASCII, quotes and backslashes replaced), the exact name, percent-encoded, for the rest.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A PDF to download. `cacheControl`: "no-store" for anything personal. */
export function pdfDownload(file: { filename: string; buffer: Uint8Array }, cacheControl: string): Response {
  return new Response(file.buffer as unknown as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.buffer.byteLength),
      "Content-Disposition": contentDisposition(file.filename),
      "Cache-Control": cacheControl,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
