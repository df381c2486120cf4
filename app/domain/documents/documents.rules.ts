/**
 * The rules for uploaded files, pure: which kinds of file are taken (judged by their content, never by
 * their name), the size limit, what a file's name becomes before it is stored or sent back, the messages
 * a person sees (GOV.UK's words), and how a scan state reads.
 */

export type ScanState = "pending" | "clean" | "infected" | "not_scanned";

export interface AllowedType {
  /** What people call it, for messages: "PDF". */
  label: string;
  /** The content type stored and sent back with the file. */
  mime: string;
  /** The extension a name may end in (the first is the usual one). */
  extensions: readonly string[];
}

/** What the portal takes: PDF, Word (DOCX), Excel (XLSX), JPEG and PNG, recognised from their bytes. */
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { label: "PDF", mime: "application/pdf", extensions: ["pdf"] },
  { label: "DOCX", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  { label: "XLSX", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  { label: "JPG", mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  { label: "PNG", mime: "image/png", extensions: ["png"] },
];

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** The most files a file question takes unless its definition says (maxFiles). */
export const DEFAULT_MAX_FILES = 10;
const MAX_NAME_LENGTH = 100;

/** UPLOAD_MAX_BYTES (a whole number of bytes, at least 1 KB), else 10 MB. */
export function maxUploadBytes(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === "") return DEFAULT_MAX_BYTES;
  const n = Number(setting.trim());
  if (!Number.isSafeInteger(n) || n < 1024) throw new Error(`UPLOAD_MAX_BYTES must be a whole number of bytes (at least 1024), got "${setting}"`);
  return n;
}

/** 10485760 → "10MB", 2621440 → "2.5MB", 512000 → "500KB", 900 → "900 bytes" (as GOV.UK writes sizes). */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${trim(bytes / MB)}MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)}KB`;
  return `${bytes} byte${bytes === 1 ? "" : "s"}`;
}

function trim(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

export const MESSAGES = {
  select: "Select a file",
  empty: "The selected file is empty",
  wrongType: "The selected file must be a PDF, DOCX, XLSX, JPG or PNG",
  tooLarge: (maxBytes: number) => `The selected file must be smaller than ${formatBytes(maxBytes)}`,
  nameMismatch: (type: AllowedType, ext: string) => `The selected file is a ${type.label}, so its name must end in .${type.extensions[0]}, not .${ext}`,
  tooMany: (max: number) => `You can upload up to ${max} file${max === 1 ? "" : "s"} here. Remove one to upload another`,
  infected: "The selected file contains a virus",
  failed: "The selected file could not be uploaded – try again",
} as const;

// Control characters, and the invisible ones that reorder text ("invoice‮fdp.exe" shows as "invoiceexe.pdf").
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// Characters Windows refuses in a name, and the path separators.
const RESERVED = /[<>:"/\\|?*]/g;

function splitExtension(name: string): { base: string; ext: string } {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return { base: name, ext: "" };
  const ext = name.slice(dot + 1);
  return /^[A-Za-z0-9]{1,10}$/.test(ext) ? { base: name.slice(0, dot), ext } : { base: name, ext: "" };
}

/**
 * A name that is safe to store, show and send back: only the last part of any path ("../../etc/passwd" →
 * "passwd", "C:\fakepath\a.pdf" → "a.pdf"), no control or invisible characters, none that Windows
 * refuses, no leading dots or spaces, at most 100 characters with the extension kept. Never empty: a
 * name with nothing left becomes "file".
 */
export function sanitiseFilename(input: string): string {
  let name = input.normalize("NFC").replace(INVISIBLE, "");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(RESERVED, "_").replace(/\s+/g, " ").trim();
  const parts = splitExtension(name);
  const ext = parts.ext;
  let base = parts.base.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (!base) base = "file";
  const room = MAX_NAME_LENGTH - (ext ? ext.length + 1 : 0);
  const chars = [...base];
  if (chars.length > room) base = chars.slice(0, room).join("").trimEnd();
  return ext ? `${base}.${ext}` : base;
}

/** The lower-case extension of a name, or "" when it has none. */
export function extensionOf(name: string): string {
  return splitExtension(name).ext.toLowerCase();
}

export type UploadCheck = { ok: true; type: AllowedType; filename: string } | { ok: false; message: string };

/**
 * Decides on an upload from what was found in its bytes (`detectedMime`, from the content: undefined when
 * it is no known kind) and the name it came with. The name's extension must agree with the content (a
 * PNG named .pdf is refused); a name with no extension is given the content's.
 */
export function checkUpload(input: { filename: string; sizeBytes: number; detectedMime: string | undefined; maxBytes: number }): UploadCheck {
  if (input.sizeBytes > input.maxBytes) return { ok: false, message: MESSAGES.tooLarge(input.maxBytes) };
  if (input.sizeBytes === 0) return { ok: false, message: MESSAGES.empty };
  const type = ALLOWED_TYPES.find((t) => t.mime === input.detectedMime);
  if (!type) return { ok: false, message: MESSAGES.wrongType };
  const name = sanitiseFilename(input.filename);
  const ext = extensionOf(name);
  if (!ext) return { ok: true, type, filename: sanitiseFilename(`${name}.${type.extensions[0]}`) };
  if (!type.extensions.includes(ext)) {
    return ALLOWED_TYPES.some((t) => t.extensions.includes(ext)) ? { ok: false, message: MESSAGES.nameMismatch(type, ext) } : { ok: false, message: MESSAGES.wrongType };
  }
  return { ok: true, type, filename: name };
}

/** How a scan state reads to the group and to staff. */
export function scanStateText(state: ScanState): string {
  switch (state) {
    case "pending":
      return "Waiting for virus check";
    case "clean":
      return "No virus found";
    case "infected":
      return "Virus found – cannot be downloaded";
    case "not_scanned":
      return "Not checked for viruses";
  }
}

/** Infected files are never sent to anyone; every other state may be downloaded by those allowed. */
export function isDownloadable(state: ScanState): boolean {
  return state !== "infected";
}

/**
 * `Content-Disposition: attachment` with the name: a plain ASCII `filename` (others replaced by "_") for
 * old clients and, when the name is not plain ASCII, RFC 6266's `filename*` in UTF-8.
 */
export function contentDisposition(filename: string): string {
  const safe = sanitiseFilename(filename);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  if (ascii === safe) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A document as a page shows it (the question page, check answers, staff screens). */
export interface DocumentView {
  id: number;
  questionId: string;
  name: string;
  /** "PDF, 120KB" */
  description: string;
  scanState: ScanState;
  scanText: string;
  downloadable: boolean;
  /** Where it is downloaded from (only those who may see the application get it). */
  href: string;
}

export function documentView(applicationId: number, d: { id: number; questionId: string; filename: string; contentType: string; sizeBytes: number; scanState: ScanState }): DocumentView {
  const type = ALLOWED_TYPES.find((t) => t.mime === d.contentType);
  return {
    id: d.id,
    questionId: d.questionId,
    name: d.filename,
    description: `${type?.label ?? "File"}, ${formatBytes(d.sizeBytes)}`,
    scanState: d.scanState,
    scanText: scanStateText(d.scanState),
    downloadable: isDownloadable(d.scanState),
    href: `/applications/${applicationId}/documents/${d.id}`,
  };
}

/** What a file question's hint adds: the kinds of file and the size limit. */
export function uploadRulesText(maxBytes: number): string {
  return `Each file must be a PDF, DOCX, XLSX, JPG or PNG, and smaller than ${formatBytes(maxBytes)}.`;
}
