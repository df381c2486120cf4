/**
 * Uploaded documents: what a group uploads to an application's file questions (constitution, accounts,
 * safeguarding policy, quotes), downloading them, removing them, and their virus scans.
 *
 * - Uploading and removing: members of the group while the application can be edited (`application.edit`).
 *   Downloading: whoever may see the application (`application.view`: the group, staff who may see it,
 *   its panel once it reaches one). Another group's document answers exactly as a missing one.
 * - A file streams straight into storage under a random key, its size limit enforced as it comes; its kind
 *   is then judged from its bytes. A refused, oversized or interrupted upload leaves no row and no file.
 * - The question's answer in its section (`[{ id, name }]`) changes in the same transaction as the
 *   document row, with the section's version, so the form engine stays pure (app/domain/forms/files.ts).
 * - Scanning: with a scanner the file is "pending" until it answers (clean or infected); an unreachable
 *   scanner leaves it pending for the scheduled job; with none it is "not scanned". An infected file is
 *   deleted from storage at once and its row kept, so the group and staff see what happened.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { fileTypeFromStream } from "file-type";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { fromJson, toJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { DraftNotFound, savePage, type SaveResult } from "~/domain/applications/drafts.server";
import { findApplicationForPolicy } from "~/domain/applications/applications.queries.server";
import { isEditable } from "~/domain/applications/workflow";
import { appendAudit } from "~/domain/audit/audit.server";
import { sectionStatus } from "~/domain/forms/answers";
import { findPage, type FormDefinition, type Question } from "~/domain/forms/definition";
import { fileAnswers, selectFileMessage, type FileAnswer } from "~/domain/forms/files";
import type { Answers, RawInput } from "~/domain/forms/schema";
import { fileStorage, newStorageKey, type FileStorage, type LocalDiskStorage } from "~/utils/storage.server";
import { ScannerUnavailable, scannerFromEnv, type VirusScanner } from "~/utils/virus-scan.server";
import { DEFAULT_MAX_FILES, MESSAGES, checkUpload, formatBytes, maxUploadBytes } from "./documents.rules";
import { findDocument, findDocumentById, type ApplicationDocument } from "./documents.queries.server";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Where files go, what scans them, and how large one may be: from the environment, or given by tests. */
export interface DocumentDeps {
  storage: FileStorage;
  scanner: VirusScanner | null;
  maxBytes: number;
}

export function depsFromEnv(env: Record<string, string | undefined> = process.env): DocumentDeps {
  return { storage: fileStorage(env), scanner: scannerFromEnv(env), maxBytes: maxUploadBytes(env.UPLOAD_MAX_BYTES) };
}

/** For the start-up banner (and to refuse a bad setting at start rather than on the first upload). */
export function describeUploads(env: Record<string, string | undefined> = process.env): string {
  const deps = depsFromEnv(env);
  const scanning = deps.scanner ? `scanned by ${deps.scanner.description}` : "not scanned for viruses (set CLAMAV_SOCKET or CLAMAV_HOST)";
  return `${deps.storage.description}, up to ${formatBytes(deps.maxBytes)} each, ${scanning}`;
}

/** An infected document: it exists, but nobody may download it. */
export class DocumentInfected extends Error {
  constructor() {
    super("A virus was found in this file");
    this.name = "DocumentInfected";
  }
}

const PREFIX = "documents";

// ---------------------------------------------------------------------------------------------------------
// Receiving a file from a request

/** A file part as it arrived: stored under `key` (not yet anyone's document), or refused on the way in. */
export interface StagedUpload {
  field: string;
  /** The name the browser sent (not yet made safe); "" when no file was chosen. */
  filename: string;
  /** null when nothing was kept: nothing chosen, empty, or too large. */
  key: string | null;
  sizeBytes: number;
  sha256: string;
  tooLarge: boolean;
}

class TooLarge extends Error {}

/**
 * Streams one file part into storage under a new random key, counting and hashing as it goes and stopping
 * as soon as it passes the size limit (what was written is removed; the rest of the part is skipped).
 */
export async function stageUpload(deps: DocumentDeps, part: { name: string; filename: string | null; body: AsyncIterable<Uint8Array> }): Promise<StagedUpload> {
  const hash = createHash("sha256");
  let size = 0;
  async function* limited() {
    for await (const chunk of part.body) {
      size += chunk.byteLength;
      if (size > deps.maxBytes) throw new TooLarge();
      hash.update(chunk);
      yield chunk;
    }
  }
  const key = newStorageKey(PREFIX);
  const base = { field: part.name, filename: part.filename ?? "" };
  try {
    await deps.storage.put(key, limited());
  } catch (error) {
    if (error instanceof TooLarge) return { ...base, key: null, sizeBytes: size, sha256: "", tooLarge: true };
    throw error;
  }
  if (size === 0) {
    await deps.storage.delete(key);
    return { ...base, key: null, sizeBytes: 0, sha256: "", tooLarge: false };
  }
  return { ...base, key, sizeBytes: size, sha256: hash.digest("hex"), tooLarge: false };
}

/** Removes a staged file that no document took (a refused upload, a failed request). Safe to call on any. */
export async function discardStaged(db: Db, deps: DocumentDeps, staged: StagedUpload): Promise<void> {
  if (!staged.key) return;
  const taken = await db.selectFrom("documents").select("id").where("storage_key", "=", staged.key).executeTakeFirst();
  if (!taken) await deps.storage.delete(staged.key);
}

// ---------------------------------------------------------------------------------------------------------
// Shared steps

async function applicationFor(db: Db, userId: number, applicationId: number) {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(db, applicationId) : undefined;
  // Not theirs, or not there: the same answer.
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  return { ...found, editable: can(actor, "application.edit", found.facts) };
}

async function formOf(db: Db | Trx, applicationId: number): Promise<FormDefinition> {
  const row = await db
    .selectFrom("applications as a")
    .innerJoin("form_definitions as f", "f.id", "a.form_definition_id")
    .select("f.definition")
    .where("a.id", "=", applicationId)
    .executeTakeFirstOrThrow();
  return fromJson<FormDefinition>(row.definition, { sections: [] });
}

/**
 * Locks the application and the section for the rest of the transaction (a no-op write: row locks on
 * PostgreSQL, the write lock on SQLite), so a submission or another upload to the same section waits;
 * then whether it may still be changed, and the section's stored answers.
 */
async function lockSection(trx: Trx, applicationId: number, sectionKey: string, userId: number | null) {
  await trx.updateTable("applications").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("id", "=", applicationId).execute();
  const app = await trx.selectFrom("applications").select("status").where("id", "=", applicationId).executeTakeFirstOrThrow();
  await trx
    .insertInto("application_sections")
    // A section never saved shows its pages as version 0 (drafts.server.ts), so it starts there.
    .values({ application_id: applicationId, section_key: sectionKey, answers: toJson({}), updated_by_user_id: userId, version: 0 })
    .onConflict((oc) => oc.columns(["application_id", "section_key"]).doNothing())
    .execute();
  await trx.updateTable("application_sections").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("application_id", "=", applicationId).where("section_key", "=", sectionKey).execute();
  const section = await trx.selectFrom("application_sections").select(["id", "answers", "version"]).where("application_id", "=", applicationId).where("section_key", "=", sectionKey).executeTakeFirstOrThrow();
  return { editable: isEditable(app.status), section: { id: section.id, version: section.version, answers: fromJson<Answers>(section.answers, {}) } };
}

/** Writes a question's file list into its section: answer, status and a new version. */
async function writeFiles(trx: Trx, form: FormDefinition, section: { id: number; version: number; answers: Answers }, sectionKey: string, questionId: string, files: FileAnswer[], userId: number | null): Promise<number> {
  const answers: Answers = { ...section.answers };
  if (files.length) answers[questionId] = files;
  else delete answers[questionId];
  const def = form.sections.find((s) => s.key === sectionKey);
  const completed = def && sectionStatus(def, { answers }) === "completed" ? 1 : 0;
  const version = section.version + 1;
  await trx
    .updateTable("application_sections")
    .set({ answers: toJson(answers), completed, version, updated_at: new Date().toISOString(), ...(userId !== null ? { updated_by_user_id: userId } : {}) })
    .where("id", "=", section.id)
    .execute();
  return version;
}

function fileQuestion(form: FormDefinition, sectionKey: string, pageKey: string, questionId: string): (Question & { type: "file" }) | null {
  const found = findPage(form, sectionKey, pageKey);
  const q = found?.page.questions.find((x) => x.id === questionId);
  return q && q.type === "file" ? q : null;
}

// ---------------------------------------------------------------------------------------------------------
// Uploading

export type UploadResult =
  | { kind: "uploaded"; documentId: number; filename: string; versionBefore: number; versionAfter: number }
  | { kind: "invalid"; message: string; versionBefore?: number; versionAfter?: number }
  | { kind: "locked" };

/**
 * Makes a staged file a document of the application's file question (on the given page), or refuses it.
 * Whatever happens, the staged file ends up either as the document's or removed.
 */
export async function upload(
  db: Db,
  deps: DocumentDeps,
  userId: number,
  applicationId: number,
  sectionKey: string,
  pageKey: string,
  staged: StagedUpload,
  ip: string | null,
): Promise<UploadResult> {
  let kept = false;
  try {
    const app = await applicationFor(db, userId, applicationId);
    if (!app.editable) return { kind: "locked" };
    const form = await formOf(db, app.row.id);
    const q = fileQuestion(form, sectionKey, pageKey, staged.field);
    if (!q) throw new DraftNotFound();
    if (!staged.key) {
      if (staged.tooLarge) return { kind: "invalid", message: MESSAGES.tooLarge(deps.maxBytes) };
      return { kind: "invalid", message: staged.filename === "" ? selectFileMessage(q) : MESSAGES.empty };
    }
    const detected = await detectMime(deps.storage, staged.key);
    const check = checkUpload({ filename: staged.filename, sizeBytes: staged.sizeBytes, detectedMime: detected, maxBytes: deps.maxBytes });
    if (!check.ok) return { kind: "invalid", message: check.message };

    const key = staged.key;
    const outcome = await db.transaction().execute(async (trx) => {
      const { editable, section } = await lockSection(trx, app.row.id, sectionKey, userId);
      if (!editable) return { kind: "locked" as const };
      const files = fileAnswers(section.answers[q.id]);
      const max = q.maxFiles ?? DEFAULT_MAX_FILES;
      if (files.length >= max) return { kind: "invalid" as const, message: MESSAGES.tooMany(max) };
      const { id } = await trx
        .insertInto("documents")
        .values({
          application_id: app.row.id,
          section_key: sectionKey,
          question_id: q.id,
          storage_key: key,
          filename: check.filename,
          content_type: check.type.mime,
          size_bytes: staged.sizeBytes,
          sha256: staged.sha256,
          scan_state: deps.scanner ? "pending" : "not_scanned",
          scan_detail: deps.scanner ? null : "No virus scanner is configured",
          uploaded_by_user_id: userId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const versionAfter = await writeFiles(trx, form, section, sectionKey, q.id, [...files, { id, name: check.filename }], userId);
      await appendAudit(trx, { actorUserId: userId, event: "document.uploaded", entityType: "application", entityId: app.row.id, ip, data: { documentId: id, section: sectionKey, question: q.id } });
      return { kind: "uploaded" as const, documentId: id, versionBefore: section.version, versionAfter };
    });
    if (outcome.kind !== "uploaded") return outcome;
    kept = true;
    if (deps.scanner) {
      // Scanned now when the scanner answers; when it cannot be reached the file stays pending for the job.
      const verdict = await scanDocument(db, deps, outcome.documentId).catch((error: unknown) => {
        if (error instanceof ScannerUnavailable) return "pending" as const;
        throw error;
      });
      if (verdict === "infected") {
        return { kind: "invalid", message: MESSAGES.infected, versionBefore: outcome.versionBefore, versionAfter: await sectionVersion(db, app.row.id, sectionKey) };
      }
    }
    return { ...outcome, filename: check.filename };
  } finally {
    if (!kept) await discardStaged(db, deps, staged);
  }
}

async function detectMime(storage: FileStorage, key: string): Promise<string | undefined> {
  const stream = await storage.get(key);
  if (!stream) return undefined;
  try {
    return (await fileTypeFromStream(Readable.toWeb(stream) as ReadableStream<Uint8Array>))?.mime;
  } finally {
    stream.destroy();
  }
}

async function sectionVersion(db: Db, applicationId: number, sectionKey: string): Promise<number> {
  const row = await db.selectFrom("application_sections").select("version").where("application_id", "=", applicationId).where("section_key", "=", sectionKey).executeTakeFirst();
  return row?.version ?? 0;
}

// ---------------------------------------------------------------------------------------------------------
// Removing

export type RemoveResult = { kind: "removed"; sectionKey: string; versionBefore: number; versionAfter: number } | { kind: "locked" };

/** Removes a document: its row and its place in the answer together, then its file from storage. */
export async function remove(db: Db, deps: DocumentDeps, userId: number, applicationId: number, documentId: number, ip: string | null): Promise<RemoveResult> {
  const app = await applicationFor(db, userId, applicationId);
  const doc = Number.isSafeInteger(documentId) && documentId > 0 ? await findDocument(db, app.row.id, documentId) : undefined;
  if (!doc) throw new DraftNotFound();
  if (!app.editable) return { kind: "locked" };
  const form = await formOf(db, app.row.id);
  const outcome = await db.transaction().execute(async (trx) => {
    const { editable, section } = await lockSection(trx, app.row.id, doc.sectionKey, userId);
    if (!editable) return { kind: "locked" as const };
    const deleted = await trx.deleteFrom("documents").where("id", "=", doc.id).where("application_id", "=", app.row.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return { kind: "gone" as const };
    const files = fileAnswers(section.answers[doc.questionId]).filter((f) => f.id !== doc.id);
    const versionAfter = await writeFiles(trx, form, section, doc.sectionKey, doc.questionId, files, userId);
    await appendAudit(trx, { actorUserId: userId, event: "document.removed", entityType: "application", entityId: app.row.id, ip, data: { documentId: doc.id, section: doc.sectionKey, question: doc.questionId } });
    return { kind: "removed" as const, sectionKey: doc.sectionKey, versionBefore: section.version, versionAfter };
  });
  if (outcome.kind === "gone") throw new DraftNotFound(); // removed by someone else a moment ago
  if (outcome.kind === "removed") await deps.storage.delete(doc.storageKey); // after the commit: a failed commit keeps the file
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------
// Downloading

export interface Download {
  filename: string;
  contentType: string;
  sizeBytes: number;
  body: Readable;
}

/** A document's bytes for someone who may see the application; infected ones for nobody. */
export async function download(db: Db, deps: DocumentDeps, userId: number, applicationId: number, documentId: number): Promise<Download> {
  const app = await applicationFor(db, userId, applicationId);
  const doc = Number.isSafeInteger(documentId) && documentId > 0 ? await findDocument(db, app.row.id, documentId) : undefined;
  if (!doc) throw new DraftNotFound();
  if (doc.scanState === "infected") throw new DocumentInfected();
  const body = await deps.storage.get(doc.storageKey);
  if (!body) {
    console.error(`Document ${doc.id} of application ${app.row.id} has no file in storage (${deps.storage.description})`);
    throw new DraftNotFound();
  }
  return { filename: doc.filename, contentType: doc.contentType, sizeBytes: doc.sizeBytes, body };
}

// ---------------------------------------------------------------------------------------------------------
// Scanning

/**
 * Scans one pending document. Clean: marked so. Infected: marked so, its answer entry flagged (the question
 * is no longer answered by it) and its bytes deleted. Scanner unavailable: left pending with the reason,
 * for the scheduled job. Returns the state it is left in.
 */
export async function scanDocument(db: Db, deps: DocumentDeps, documentId: number): Promise<ApplicationDocument["scanState"]> {
  const doc = await findDocumentById(db, documentId);
  if (!doc || doc.scanState !== "pending" || !deps.scanner) return doc?.scanState ?? "pending";
  const body = await deps.storage.get(doc.storageKey);
  if (!body) {
    await db.updateTable("documents").set({ scan_detail: "The file is missing from storage", updated_at: new Date().toISOString() }).where("id", "=", doc.id).execute();
    return "pending";
  }
  let verdict;
  try {
    verdict = await deps.scanner.scan(body);
  } catch (error) {
    body.destroy();
    if (!(error instanceof ScannerUnavailable)) throw error;
    await db.updateTable("documents").set({ scan_detail: `Scanner unavailable: ${error.message}`.slice(0, 500), updated_at: new Date().toISOString() }).where("id", "=", doc.id).where("scan_state", "=", "pending").execute();
    throw error;
  }
  body.destroy();
  const now = new Date().toISOString();
  if (verdict.kind === "clean") {
    await db.updateTable("documents").set({ scan_state: "clean", scan_detail: null, scanned_at: now, updated_at: now }).where("id", "=", doc.id).where("scan_state", "=", "pending").execute();
    return "clean";
  }
  const form = await formOf(db, doc.applicationId);
  const marked = await db.transaction().execute(async (trx) => {
    const { section } = await lockSection(trx, doc.applicationId, doc.sectionKey, null);
    const updated = await trx
      .updateTable("documents")
      .set({ scan_state: "infected", scan_detail: verdict.signature, scanned_at: now, updated_at: now })
      .where("id", "=", doc.id)
      .where("scan_state", "=", "pending")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    const files = fileAnswers(section.answers[doc.questionId]).map((f) => (f.id === doc.id ? { ...f, infected: true as const } : f));
    await writeFiles(trx, form, section, doc.sectionKey, doc.questionId, files, null);
    await appendAudit(trx, { actorUserId: null, event: "document.infected", entityType: "application", entityId: doc.applicationId, data: { documentId: doc.id } });
    return true;
  });
  if (marked) await deps.storage.delete(doc.storageKey);
  return "infected";
}

/** The scheduled job: scans documents left pending (the scanner was unreachable). Stops at the first failure. */
export async function scanPendingDocuments(db: Db, deps: DocumentDeps, limit = 50): Promise<{ scanned: number }> {
  if (!deps.scanner) return { scanned: 0 };
  const pending = await db.selectFrom("documents").select("id").where("scan_state", "=", "pending").orderBy("id").limit(limit).execute();
  let scanned = 0;
  for (const { id } of pending) {
    await scanDocument(db, deps, id); // ScannerUnavailable ends the run; the job is retried with back-off
    scanned++;
  }
  return { scanned };
}

/**
 * The scheduled job's other half: files under documents/ that no row refers to and that are older than an
 * hour (a process that stopped between storing a file and recording it), and temporary files left by a
 * write that never finished.
 */
export async function sweepOrphanFiles(db: Db, deps: DocumentDeps, now = new Date()): Promise<{ removed: number }> {
  const before = new Date(now.getTime() - 60 * 60_000);
  let removed = 0;
  for await (const object of deps.storage.list(PREFIX)) {
    if (object.modifiedAt >= before.toISOString()) continue;
    const row = await db.selectFrom("documents").select("id").where("storage_key", "=", object.key).executeTakeFirst();
    if (!row) {
      await deps.storage.delete(object.key);
      removed++;
    }
  }
  const local = deps.storage as Partial<LocalDiskStorage>;
  if (typeof local.sweepTemporary === "function") removed += await local.sweepTemporary.call(deps.storage, before);
  return { removed };
}

// ---------------------------------------------------------------------------------------------------------
// A question page with file questions

export type FilePageResult =
  | { kind: "stay"; uploaded?: number; removed?: boolean }
  | { kind: "invalid"; errors: Record<string, string>; version: number }
  | { kind: "locked" }
  | SaveResult;

/**
 * What a question page with file questions does when it is sent: files chosen are uploaded first ("Upload
 * file", or chosen and then "Save and continue"); "Remove" removes one; then "Save and continue" or "Save
 * and come back later" save the page as any other. Uploading or removing on a page that also has other
 * questions keeps what was typed in them (saved as for later), so nothing is lost. Each step that bumps the
 * section's version carries the page's version forward only if nobody else saved in between.
 */
export async function submitFilePage(
  db: Db,
  deps: DocumentDeps,
  userId: number,
  applicationId: number,
  sectionKey: string,
  pageKey: string,
  input: { raw: RawInput; version: number; intent: string; files: StagedUpload[] },
  ip: string | null,
): Promise<FilePageResult> {
  const form = await formOf(db, (await applicationFor(db, userId, applicationId)).row.id);
  const found = findPage(form, sectionKey, pageKey);
  if (!found) throw new DraftNotFound();
  const fileQuestions = found.page.questions.filter((q) => q.type === "file");
  let version = input.version;
  const carry = (before: number | undefined, after: number | undefined) => {
    if (before !== undefined && after !== undefined && before === version) version = after;
  };

  if (input.intent.startsWith("remove:")) {
    const result = await remove(db, deps, userId, applicationId, Number(input.intent.slice("remove:".length)), ip);
    if (result.kind === "locked") return result;
    carry(result.versionBefore, result.versionAfter);
    return keepTyped(db, userId, applicationId, sectionKey, pageKey, found.page.questions, input.raw, version, ip, { kind: "stay", removed: true });
  }

  const uploadingTo = input.intent.startsWith("upload:") ? input.intent.slice("upload:".length) : null;
  let uploaded: number | undefined;
  for (const q of fileQuestions) {
    const staged = input.files.find((f) => f.field === q.id);
    const chosen = staged && (staged.key || staged.tooLarge || staged.filename !== "");
    if (!chosen && uploadingTo !== q.id) continue;
    const result = await upload(db, deps, userId, applicationId, sectionKey, pageKey, staged ?? { field: q.id, filename: "", key: null, sizeBytes: 0, sha256: "", tooLarge: false }, ip);
    if (result.kind === "locked") return result;
    carry(result.versionBefore, result.versionAfter);
    if (result.kind === "invalid") return { kind: "invalid", errors: { [q.id]: result.message }, version };
    uploaded = result.documentId;
  }
  if (uploadingTo !== null) {
    if (!fileQuestions.some((q) => q.id === uploadingTo)) throw new DraftNotFound();
    return keepTyped(db, userId, applicationId, sectionKey, pageKey, found.page.questions, input.raw, version, ip, { kind: "stay", uploaded });
  }
  return savePage(db, userId, applicationId, sectionKey, pageKey, { raw: input.raw, version, mode: input.intent === "later" ? "later" : "continue" }, ip);
}

/** After an upload or removal on a page with other questions: what was typed in them is saved as for later. */
async function keepTyped(
  db: Db,
  userId: number,
  applicationId: number,
  sectionKey: string,
  pageKey: string,
  questions: Question[],
  raw: RawInput,
  version: number,
  ip: string | null,
  done: FilePageResult,
): Promise<FilePageResult> {
  if (!questions.some((q) => q.type !== "file")) return done;
  const saved = await savePage(db, userId, applicationId, sectionKey, pageKey, { raw, version, mode: "later" }, ip);
  return saved.kind === "saved" ? done : saved;
}
