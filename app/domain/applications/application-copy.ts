/**
 * What the PDF copy of an application says, worked out from the application, its pinned form and its
 * answers: plain strings, so the template only lays them out (templates/application-copy.ts) and a
 * benchmark can render one without a database. Answers read as they do on "Check your answers"
 * (displayAnswer).
 *
 * Pure: unit tested without a database.
 */
import type { FormDefinition } from "~/domain/forms/definition";
import { displayAnswer } from "~/domain/forms/display";
import type { Answers } from "~/domain/forms/schema";
import { formatLondonDateTime } from "~/domain/shared/time";
import { STAGE_LABELS } from "./stages";
import { stateLabel, type Stage } from "./workflow";

export interface CopyQuestion {
  label: string;
  /** The answer's lines; empty when the question has no answer ("Not answered"). */
  lines: string[];
  /** Several items (checkboxes, rows of a repeating question): shown as a list. */
  list: boolean;
}

export interface CopyDocument {
  filename: string;
  type: string;
  size: string;
  scan: string;
  /** The question the file answers. */
  question: string;
}

export interface ApplicationCopy {
  serviceName: string;
  operatorName: string;
  fundName: string;
  stage: string;
  /** The reference, or "Draft – not yet submitted". */
  reference: string;
  status: string;
  /** "9:30am on 1 December 2026", London time; null until submitted. */
  submitted: string | null;
  title: string | null;
  group: { name: string; address: string[] };
  sections: { title: string; questions: CopyQuestion[] }[];
  documents: CopyDocument[];
  /** When the copy was made: ISO, and as people read it. */
  madeAt: { iso: string; text: string };
}

export interface CopySource {
  service: { serviceName: string; operatorName: string };
  fundName: string;
  application: { reference: string | null; stage: Stage; status: string; title: string | null; submittedAt: string | null };
  group: { name: string; addressLine1: string | null; addressLine2: string | null; town: string | null; postcode: string | null };
  form: FormDefinition;
  /** Stored answers by section key. */
  answers: Record<string, Answers>;
  documents: { filename: string; contentType: string; sizeBytes: number; scanState: string; questionId: string }[];
  now: Date;
}

export const DRAFT_REFERENCE = "Draft – not yet submitted";

export function applicationCopy(src: CopySource): ApplicationCopy {
  const labels = new Map(src.form.sections.flatMap((s) => s.pages.flatMap((p) => p.questions.map((q) => [q.id, q.label] as const))));
  const documents = src.documents.map((d) => ({
    filename: d.filename,
    type: fileTypeLabel(d.contentType),
    size: formatFileSize(d.sizeBytes),
    scan: scanStateLabel(d.scanState),
    question: labels.get(d.questionId) ?? "",
  }));
  return {
    serviceName: src.service.serviceName,
    operatorName: src.service.operatorName,
    fundName: src.fundName,
    stage: STAGE_LABELS[src.application.stage],
    reference: src.application.reference ?? DRAFT_REFERENCE,
    status: sentence(stateLabel(src.application.status)),
    submitted: src.application.submittedAt ? formatLondonDateTime(src.application.submittedAt) : null,
    title: src.application.title,
    group: {
      name: src.group.name,
      address: [src.group.addressLine1, src.group.addressLine2, src.group.town, src.group.postcode].filter((l): l is string => Boolean(l && l.trim())),
    },
    sections: src.form.sections.map((section) => {
      const answers = src.answers[section.key] ?? {};
      return {
        title: section.title,
        questions: section.pages.flatMap((page) =>
          page.questions.map((q) => {
            if (q.type === "file") {
              const files = src.documents.filter((d) => d.questionId === q.id);
              return { label: q.label, lines: files.map((d) => `${d.filename} (${fileTypeLabel(d.contentType)}, ${formatFileSize(d.sizeBytes)})`), list: files.length > 1 };
            }
            const lines = displayAnswer(q, answers[q.id])
              .map((l) => l.replace(/\r/g, ""))
              .filter((l, i, all) => l.trim() !== "" || (i > 0 && i < all.length - 1));
            return { label: q.label, lines, list: (q.type === "repeating" || q.type === "checkboxes") && lines.length > 0 };
          }),
        ),
      };
    }),
    documents,
    madeAt: { iso: src.now.toISOString(), text: formatLondonDateTime(src.now.toISOString()) },
  };
}

/** "CRF-2026-00042 application.pdf", "CIF-2026-00003 outline proposal.pdf", "Draft application.pdf". */
export function applicationCopyFilename(reference: string | null, stage: Stage): string {
  const what = STAGE_LABELS[stage].toLowerCase();
  return reference ? `${reference} ${what}.pdf` : `Draft ${what}.pdf`;
}

/** The PDF's title: "Application CRF-2026-00042 – Łódź Polish Community Café". */
export function applicationCopyTitle(copy: Pick<ApplicationCopy, "stage" | "reference" | "group">): string {
  return copy.reference === DRAFT_REFERENCE ? `Draft ${copy.stage.toLowerCase()} – ${copy.group.name}` : `${copy.stage} ${copy.reference} – ${copy.group.name}`;
}

const FILE_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG image",
  "image/png": "PNG image",
  "image/heic": "HEIC image",
  "application/msword": "Word document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.ms-excel": "Excel spreadsheet",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
  "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
  "text/plain": "Text file",
  "text/csv": "CSV file",
};

/** A file's type in words: "PDF", "Word document"; an unfamiliar type as it is. */
export function fileTypeLabel(contentType: string): string {
  return FILE_TYPES[contentType.split(";")[0].trim().toLowerCase()] ?? contentType;
}

/** "812 bytes", "245 KB", "1.2 MB" (1 KB = 1,024 bytes, as file managers show it). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString("en-GB")} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString("en-GB")} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString("en-GB")} MB`;
}

const SCAN_STATES: Record<string, string> = {
  pending: "Waiting for a virus check",
  clean: "Checked: no virus found",
  infected: "A virus was found: the file is blocked",
  not_scanned: "Not checked for viruses",
};

export function scanStateLabel(state: string): string {
  return SCAN_STATES[state] ?? state;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
