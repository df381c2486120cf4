/** Reading the documents table. No policy here: callers have already decided who may see what. */
import type { Kysely, Transaction } from "kysely";
import type { Database, ScanState } from "~db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/** A document with its scan state, as staff screens and the PDF copy of an application use it. */
export interface ApplicationDocument {
  id: number;
  applicationId: number;
  sectionKey: string;
  questionId: string;
  storageKey: string;
  /** Already made safe when it was uploaded. */
  filename: string;
  /** From the file's content, not its name. */
  contentType: string;
  sizeBytes: number;
  sha256: string;
  scanState: ScanState;
  scanDetail: string | null;
  scannedAt: string | null;
  uploadedByUserId: number | null;
  createdAt: string;
}

const COLUMNS = [
  "id",
  "application_id",
  "section_key",
  "question_id",
  "storage_key",
  "filename",
  "content_type",
  "size_bytes",
  "sha256",
  "scan_state",
  "scan_detail",
  "scanned_at",
  "uploaded_by_user_id",
  "created_at",
] as const;

type Row = {
  id: number;
  application_id: number;
  section_key: string;
  question_id: string;
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  scan_state: ScanState;
  scan_detail: string | null;
  scanned_at: string | null;
  uploaded_by_user_id: number | null;
  created_at: string;
};

function toDocument(r: Row): ApplicationDocument {
  return {
    id: r.id,
    applicationId: r.application_id,
    sectionKey: r.section_key,
    questionId: r.question_id,
    storageKey: r.storage_key,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    scanState: r.scan_state,
    scanDetail: r.scan_detail,
    scannedAt: r.scanned_at,
    uploadedByUserId: r.uploaded_by_user_id,
    createdAt: r.created_at,
  };
}

/**
 * Every document of an application, oldest first, with its scan state ("not_scanned" when no scanner was
 * configured; "infected" ones can never be downloaded). For staff screens and the PDF copy: the caller
 * must already have checked that the person may see the application (policy `application.view`).
 */
export async function listApplicationDocuments(db: Db, applicationId: number): Promise<ApplicationDocument[]> {
  const rows = await db.selectFrom("documents").select(COLUMNS).where("application_id", "=", applicationId).orderBy("id").execute();
  return rows.map((r) => toDocument(r as Row));
}

export async function findDocument(db: Db, applicationId: number, documentId: number): Promise<ApplicationDocument | undefined> {
  const row = await db.selectFrom("documents").select(COLUMNS).where("application_id", "=", applicationId).where("id", "=", documentId).executeTakeFirst();
  return row ? toDocument(row as Row) : undefined;
}

export async function findDocumentById(db: Db, documentId: number): Promise<ApplicationDocument | undefined> {
  const row = await db.selectFrom("documents").select(COLUMNS).where("id", "=", documentId).executeTakeFirst();
  return row ? toDocument(row as Row) : undefined;
}
