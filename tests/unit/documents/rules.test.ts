/** The upload rules: names made safe, kinds judged from content, sizes, messages, and how downloads are named. */
import { describe, expect, it } from "vitest";
import { checkUpload, contentDisposition, formatBytes, maxUploadBytes, sanitiseFilename, scanStateText, uploadRulesText } from "~/domain/documents/documents.rules";

const PDF = "application/pdf";
const PNG = "image/png";
const MB10 = 10 * 1024 * 1024;

describe("sanitiseFilename", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\windows\\system.ini", "system.ini"],
    ["C:\\fakepath\\quote.pdf", "quote.pdf"],
    ["/tmp/quote.pdf", "quote.pdf"],
    [".htaccess", "file.htaccess"],
    ["...quote.pdf", "quote.pdf"],
    [".pdf", "file.pdf"],
    ["  quote  final .pdf", "quote final.pdf"],
    ["quote\u0000\u0007\r\n.pdf", "quote.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"], // the right-to-left override that disguises names
    ['quote "final" <v2>|?*:.pdf', "quote _final_ _v2_____.pdf"],
    ["Café Łódź – wycena.pdf", "Café Łódź – wycena.pdf"],
    ["", "file"],
    ["../", "file"],
  ])("%j → %j", (input, expected) => {
    expect(sanitiseFilename(input)).toBe(expected);
  });

  it("caps the length at 100 characters, keeping the extension", () => {
    const name = sanitiseFilename(`${"a".repeat(300)}.docx`);
    expect(name).toHaveLength(100);
    expect(name.endsWith("a.docx")).toBe(true);
  });

  it("composes accents (NFC), so the same name always reads the same", () => {
    expect(sanitiseFilename("Cafe\u0301.pdf")).toBe("Café.pdf");
  });
});

describe("checkUpload", () => {
  const check = (filename: string, detectedMime: string | undefined, sizeBytes = 1000, maxBytes = MB10) => checkUpload({ filename, detectedMime, sizeBytes, maxBytes });

  it("takes PDF, DOCX, XLSX, JPG and PNG when the name agrees with the content", () => {
    expect(check("quote.pdf", PDF)).toMatchObject({ ok: true, filename: "quote.pdf", type: { mime: PDF } });
    expect(check("rules.DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toMatchObject({ ok: true, filename: "rules.DOCX" });
    expect(check("accounts.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toMatchObject({ ok: true });
    expect(check("photo.jpeg", "image/jpeg")).toMatchObject({ ok: true });
    expect(check("photo.jpg", "image/jpeg")).toMatchObject({ ok: true });
    expect(check("plan.png", PNG)).toMatchObject({ ok: true });
  });

  it("refuses what its content says is something else, whatever its name", () => {
    expect(check("quote.pdf", undefined)).toEqual({ ok: false, message: "The selected file must be a PDF, DOCX, XLSX, JPG or PNG" }); // an HTML page named .pdf
    expect(check("archive.pdf", "application/zip")).toEqual({ ok: false, message: "The selected file must be a PDF, DOCX, XLSX, JPG or PNG" });
    expect(check("old.doc", "application/x-cfb")).toEqual({ ok: false, message: "The selected file must be a PDF, DOCX, XLSX, JPG or PNG" });
  });

  it("refuses a real file whose name says another kind, and says which", () => {
    expect(check("quote.pdf", PNG)).toEqual({ ok: false, message: "The selected file is a PNG, so its name must end in .png, not .pdf" });
    expect(check("quote.exe", PDF)).toEqual({ ok: false, message: "The selected file must be a PDF, DOCX, XLSX, JPG or PNG" });
  });

  it("gives a name with no extension the content's", () => {
    expect(check("../../etc/passwd", PDF)).toMatchObject({ ok: true, filename: "passwd.pdf" });
    expect(check("IMG_1234", "image/jpeg")).toMatchObject({ ok: true, filename: "IMG_1234.jpg" });
  });

  it("refuses empty and oversized files with GOV.UK's words", () => {
    expect(check("quote.pdf", PDF, 0)).toEqual({ ok: false, message: "The selected file is empty" });
    expect(check("quote.pdf", PDF, MB10 + 1)).toEqual({ ok: false, message: "The selected file must be smaller than 10MB" });
    expect(check("quote.pdf", PDF, MB10)).toMatchObject({ ok: true });
    expect(check("quote.pdf", PDF, 3 * 1024 * 1024, 2.5 * 1024 * 1024)).toEqual({ ok: false, message: "The selected file must be smaller than 2.5MB" });
  });
});

describe("sizes and settings", () => {
  it("writes sizes as GOV.UK does", () => {
    expect(formatBytes(MB10)).toBe("10MB");
    expect(formatBytes(512_000)).toBe("500KB");
    expect(formatBytes(1536)).toBe("1.5KB");
    expect(formatBytes(900)).toBe("900 bytes");
    expect(uploadRulesText(MB10)).toBe("Each file must be a PDF, DOCX, XLSX, JPG or PNG, and smaller than 10MB.");
  });

  it("UPLOAD_MAX_BYTES: 10 MB unless set to a whole number of bytes", () => {
    expect(maxUploadBytes(undefined)).toBe(MB10);
    expect(maxUploadBytes("")).toBe(MB10);
    expect(maxUploadBytes("2097152")).toBe(2 * 1024 * 1024);
    expect(() => maxUploadBytes("10MB")).toThrow(/UPLOAD_MAX_BYTES/);
    expect(() => maxUploadBytes("12")).toThrow(/at least 1024/);
  });
});

describe("downloads and scan states", () => {
  it("names a download as an attachment, with RFC 6266's filename* when it is not plain ASCII", () => {
    expect(contentDisposition("quote.pdf")).toBe('attachment; filename="quote.pdf"');
    expect(contentDisposition("Café Łódź.pdf")).toBe(`attachment; filename="Caf_ __d_.pdf"; filename*=UTF-8''Caf%C3%A9%20%C5%81%C3%B3d%C5%BA.pdf`);
    expect(contentDisposition("it's (1).pdf")).toBe(`attachment; filename="it's (1).pdf"`);
    expect(contentDisposition('a"b\r\nSet-Cookie: x.pdf')).toBe('attachment; filename="a_bSet-Cookie_ x.pdf"');
  });

  it("says each scan state in words", () => {
    expect(scanStateText("pending")).toBe("Waiting for virus check");
    expect(scanStateText("clean")).toBe("No virus found");
    expect(scanStateText("infected")).toBe("Virus found – cannot be downloaded");
    expect(scanStateText("not_scanned")).toBe("Not checked for viruses");
  });
});
