import { describe, expect, it } from "vitest";
import {
  DRAFT_REFERENCE,
  applicationCopy,
  applicationCopyFilename,
  applicationCopyTitle,
  fileTypeLabel,
  formatFileSize,
  scanStateLabel,
  type CopySource,
} from "~/domain/applications/application-copy";
import { FORMS } from "~db/seeds/forms";
import { contentDisposition } from "~/utils/download";
import { fundStages, printableFormHref, stageFromSlug, stageSlug } from "~/domain/applications/stages";
import { linesFor } from "~templates/blank-form";

const CRF = FORMS.find((f) => f.fundCode === "CRF")!;

function source(over: Partial<CopySource> = {}): CopySource {
  return {
    service: { serviceName: "Apply for a community grant", operatorName: "Cambridgeshire County Council" },
    fundName: "Community Reach Fund",
    application: { reference: "CRF-2026-00042", stage: "single", status: "more_information", title: "Breakfast club", submittedAt: "2026-07-01T08:30:00.000Z" },
    group: { name: "Łódź Polish Community Café", addressLine1: "2 Mill Road", addressLine2: " ", town: "Cambridge", postcode: "CB1 2AD" },
    form: CRF,
    answers: {
      activity: { project_summary: "First paragraph.\r\n\r\nSecond paragraph.\r\n" },
      budget: { amount_requested: 75_050, budget_lines: [{ item: "Food", cost: 50_000 }, { item: "Hall hire", cost: 25_050 }] },
    },
    documents: [{ filename: "accounts.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sizeBytes: 1_572_864, scanState: "pending", questionId: "other_funding" }],
    now: new Date("2026-12-02T10:04:00.000Z"),
    ...over,
  };
}

describe("applicationCopy", () => {
  it("says what the application is, with times in London", () => {
    const copy = applicationCopy(source());
    expect(copy).toMatchObject({
      stage: "Application",
      reference: "CRF-2026-00042",
      status: "Waiting for more information",
      submitted: "9:30am on 1 July 2026",
      group: { name: "Łódź Polish Community Café", address: ["2 Mill Road", "Cambridge", "CB1 2AD"] },
      madeAt: { iso: "2026-12-02T10:04:00.000Z", text: "10:04am on 2 December 2026" },
    });
  });

  it("lists every section and question of the form, answers as check-answers reads them, empty ones with no lines", () => {
    const copy = applicationCopy(source());
    expect(copy.sections.map((s) => s.title)).toEqual(CRF.sections.map((s) => s.title));
    const q = (label: string) => copy.sections.flatMap((s) => s.questions).find((x) => x.label === label)!;
    expect(q("Describe your activity")).toEqual({ label: "Describe your activity", lines: ["First paragraph.", "", "Second paragraph."], list: false });
    expect(q("How much are you asking for?").lines).toEqual(["£750.50"]);
    expect(q("What will you spend it on?")).toMatchObject({ lines: ["Food, £500", "Hall hire, £250.50"], list: true });
    expect(q("Name of your group").lines).toEqual([]);
  });

  it("lists the documents in words", () => {
    expect(applicationCopy(source()).documents).toEqual([
      { filename: "accounts.xlsx", type: "Excel spreadsheet", size: "1.5 MB", scan: "Waiting for a virus check", question: "What other funding have you secured or applied for?" },
    ]);
  });

  it("a draft has no reference and no submitted time", () => {
    const copy = applicationCopy(source({ application: { reference: null, stage: "outline", status: "draft", title: null, submittedAt: null } }));
    expect(copy.reference).toBe(DRAFT_REFERENCE);
    expect(copy.submitted).toBeNull();
    expect(copy.stage).toBe("Outline proposal");
    expect(applicationCopyTitle(copy)).toBe("Draft outline proposal – Łódź Polish Community Café");
  });
});

describe("names and words", () => {
  it("names files by reference and stage", () => {
    expect(applicationCopyFilename("CRF-2026-00042", "single")).toBe("CRF-2026-00042 application.pdf");
    expect(applicationCopyFilename("CIF-2026-00003", "outline")).toBe("CIF-2026-00003 outline proposal.pdf");
    expect(applicationCopyFilename("CIF-2026-00003", "full")).toBe("CIF-2026-00003 full application.pdf");
    expect(applicationCopyFilename(null, "single")).toBe("Draft application.pdf");
  });

  it("sizes, types and scan states", () => {
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(812)).toBe("812 bytes");
    expect(formatFileSize(250_880)).toBe("245 KB");
    expect(formatFileSize(25 * 1024 * 1024)).toBe("25 MB");
    expect(fileTypeLabel("application/pdf")).toBe("PDF");
    expect(fileTypeLabel("image/webp")).toBe("image/webp");
    expect(scanStateLabel("infected")).toBe("A virus was found: the file is blocked");
    expect(scanStateLabel("not_scanned")).toBe("Not checked for viruses");
  });

  it("Content-Disposition gives an ASCII name and the exact one", () => {
    expect(contentDisposition("CRF-2026-00042 application.pdf")).toBe(`attachment; filename="CRF-2026-00042 application.pdf"; filename*=UTF-8''CRF-2026-00042%20application.pdf`);
    expect(contentDisposition(`Łódź "café".pdf`)).toBe(`attachment; filename="_odz _cafe_.pdf"; filename*=UTF-8''%C5%81%C3%B3d%C5%BA%20%22caf%C3%A9%22.pdf`);
  });

  it("stages: labels in addresses both ways, and which a fund has", () => {
    expect(fundStages(false)).toEqual(["single"]);
    expect(fundStages(true)).toEqual(["outline", "full"]);
    for (const s of ["single", "outline", "full"] as const) expect(stageFromSlug(stageSlug(s))).toBe(s);
    expect(stageFromSlug("single")).toBeNull();
    expect(printableFormHref("community-reach-fund", "single")).toBe("/funds/community-reach-fund/printable-form/application");
  });

  it("a box to write in grows with the word limit, within a page", () => {
    expect(linesFor(undefined)).toBe(8);
    expect(linesFor(50)).toBe(5);
    expect(linesFor(100)).toBe(10);
    expect(linesFor(250)).toBe(22);
    expect(linesFor(500)).toBe(22);
  });
});
