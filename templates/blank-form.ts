/**
 * A printable form to fill in by hand, for people who cannot apply online: one per fund stage, drawn from
 * the stage's form definition (sections → pages → questions), so it asks exactly what the online form
 * asks. Nothing here knows a fund's questions; it knows how to print each type of question.
 */
import { shortName, type Column, type FormDefinition, type Option, type Question } from "~/domain/forms/definition";
import { COLOURS, CONTENT_WIDTH, MARGINS, renderPdf, type TaggedPdf } from "./pdf";

export interface BlankFormData {
  serviceName: string;
  operatorName: string;
  contact: { email: string; phone: string | null; address: string | null };
  /** Where the fund's page is online, to apply there instead; null when not known. */
  applyOnlineUrl: string | null;
  fundName: string;
  /** "Application", "Outline proposal", "Full application". */
  stage: string;
  form: FormDefinition;
}

const LINE = 22; // the height of one handwritten line
const BOX_LINE_WIDTH = 1;
const TICK = 13;

export function blankFormTitle(data: Pick<BlankFormData, "fundName" | "stage">): string {
  return `${data.fundName}: ${data.stage.toLowerCase()} form`;
}

export function drawBlankForm(pdf: TaggedPdf, data: BlankFormData): void {
  cover(pdf, data);
  data.form.sections.forEach((section, s) => {
    pdf.group("Sect", () => {
      const first = section.pages[0]?.questions[0];
      // A section's heading starts a page rather than end one: it goes with the first question.
      pdf.heading(2, `Section ${s + 1}: ${section.title}`, { keepWith: first ? Math.min(questionHeight(pdf, first), 400) : 0 });
      let n = 0;
      for (const page of section.pages) {
        for (const q of page.questions) {
          n++;
          pdf.group("Div", () => question(pdf, q, `${s + 1}.${n}`));
        }
      }
    });
  });
  pdf.group("Sect", () => {
    pdf.heading(2, "Sending your form", { keepWith: 220 }); // with its note and where to send it
    pdf.paragraph("Check you have answered every question that is not marked optional, and attached any documents asked for.");
    sendBack(pdf, data);
  });
}

function cover(pdf: TaggedPdf, data: BlankFormData) {
  pdf.paragraph(data.operatorName, { color: COLOURS.secondary, size: 12, gap: 6 });
  pdf.heading(1, data.fundName, { keepWith: 0 });
  pdf.paragraph(`${data.stage} form`, { size: 16, gap: 18 });

  pdf.heading(2, "Before you start");
  pdf.paragraph(
    data.applyOnlineUrl
      ? `Use this form if you cannot apply online. You can also apply online, and save your answers as you go, at ${data.applyOnlineUrl}`
      : "Use this form if you cannot apply online.",
  );
  pdf.list([
    "Write clearly in black ink, in capital letters if you can.",
    "Answer every question unless it is marked (optional).",
    "Where a question has a word limit, keep to it: the panel reads only that much.",
    "If you need more space, carry on on a separate sheet and write the question number beside your answer.",
  ]);

  pdf.heading(2, "How to send it back");
  sendBack(pdf, data);

  pdf.heading(3, "For office use only", { keepWith: 70 });
  const top = pdf.y;
  pdf.artifact((doc) => doc.rect(MARGINS.left, top, CONTENT_WIDTH, 60).lineWidth(0.75).strokeColor(COLOURS.border).stroke());
  ["Date received", "Reference"].forEach((label, i) =>
    pdf.element("P", () => {
      pdf.doc.y = top + 8;
      pdf.write(label, MARGINS.left + 10 + (i * CONTENT_WIDTH) / 2, CONTENT_WIDTH / 2 - 20, { size: 9.5, color: COLOURS.secondary });
    }),
  );
  pdf.doc.y = top + 60;
  pdf.newPage();
}

function sendBack(pdf: TaggedPdf, data: BlankFormData) {
  const rows: string[][] = [];
  if (data.contact.address) rows.push(["By post", `${data.operatorName}\n${data.contact.address.split(/,\s*/).join("\n")}`]);
  rows.push(["By email", `Scan or photograph every page and email them to ${data.contact.email}`]);
  rows.push(["Questions", data.contact.phone ? `Phone ${data.contact.phone} or email ${data.contact.email}` : `Email ${data.contact.email}`]);
  pdf.table({ rowHeaders: true, widths: [110, CONTENT_WIDTH - 110], rows });
}

// ── one question ─────────────────────────────────────────────────────────────────────────────────

function labelOf(q: Question, number: string): string {
  return `${number}  ${q.label}${q.required ? "" : " (optional)"}`;
}

/** The height a question takes: its label, hint, limit and the place to write. */
function questionHeight(pdf: TaggedPdf, q: Question, number = "0.0"): number {
  const notes = [q.hint, limitOf(q)].filter((t): t is string => Boolean(t));
  return (
    6 +
    pdf.heightOf(labelOf(q, number), CONTENT_WIDTH, { bold: true }) +
    4 +
    notes.reduce((h, n) => h + pdf.heightOf(n, CONTENT_WIDTH, NOTE) + 3, 0) +
    fieldHeight(q) +
    14
  );
}

const NOTE = { size: 10, color: COLOURS.secondary };

function question(pdf: TaggedPdf, q: Question, number: string) {
  pdf.keepTogether(Math.min(questionHeight(pdf, q, number), pdf.bottom - MARGINS.top));
  pdf.space(6);
  pdf.element("H3", () => pdf.write(labelOf(q, number), MARGINS.left, CONTENT_WIDTH, { bold: true }));
  pdf.space(4);
  for (const note of [q.hint, limitOf(q)]) if (note) pdf.paragraph(note, { ...NOTE, gap: 3 });
  pdf.space(3);
  field(pdf, q);
  pdf.space(14);
}

/** What the online form would enforce, said in words: "Up to 250 words". */
function limitOf(q: Question): string | null {
  switch (q.type) {
    case "textarea":
      return q.wordLimit ? `Up to ${q.wordLimit.toLocaleString("en-GB")} words.` : null;
    case "text":
      return q.maxLength ? `Up to ${q.maxLength.toLocaleString("en-GB")} characters.` : null;
    case "number":
      return q.min !== undefined && q.max !== undefined ? `A whole number from ${q.min.toLocaleString("en-GB")} to ${q.max.toLocaleString("en-GB")}.` : "A whole number.";
    case "radios":
    case "select":
    case "yes_no":
      return "Tick one box.";
    case "checkboxes":
      return "Tick all that apply.";
    case "date":
      return "Write the day, month and year in numbers.";
    case "repeating":
      return q.maxRows && q.maxRows > rowsOf(q) ? `Use a separate sheet if you need more than ${rowsOf(q)} rows (up to ${q.maxRows}).` : null;
    default:
      return null;
  }
}

/** Lines to write on: about 11 handwritten words a line, at least 4, and never more than fits a page. */
export function linesFor(wordLimit: number | undefined): number {
  if (!wordLimit) return 8;
  return Math.max(4, Math.min(22, Math.ceil(wordLimit / 11)));
}

function rowsOf(q: Extract<Question, { type: "repeating" }>): number {
  return Math.max(q.minRows ?? 1, Math.min(q.maxRows ?? 8, 8));
}

function fieldHeight(q: Question): number {
  switch (q.type) {
    case "textarea":
      return linesFor(q.wordLimit) * LINE + 8;
    case "address":
      return 4 * (LINE + 30);
    case "radios":
    case "select":
    case "checkboxes":
      return q.options.length * 22;
    case "yes_no":
      return 2 * 22 + (q.followUp ? 60 + linesFor(q.followUp.wordLimit) * LINE : 0);
    case "repeating":
      return (rowsOf(q) + 2) * 24;
    case "date":
      return 50;
    default:
      return LINE + 12;
  }
}

function field(pdf: TaggedPdf, q: Question) {
  switch (q.type) {
    case "text":
      return box(pdf, MARGINS.left, q.width === "10" ? 140 : q.width === "20" ? 250 : CONTENT_WIDTH, 1);
    case "postcode":
      return box(pdf, MARGINS.left, 120, 1);
    case "number":
      return inlineBox(pdf, null, 120, q.suffix ?? null);
    case "money":
      return inlineBox(pdf, "£", 140, null);
    case "textarea":
      return box(pdf, MARGINS.left, CONTENT_WIDTH, linesFor(q.wordLimit));
    case "date":
      return dateBoxes(pdf);
    case "radios":
    case "select":
    case "checkboxes":
      return tickBoxes(pdf, q.options);
    case "yes_no": {
      tickBoxes(pdf, [
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
      ]);
      if (q.followUp) {
        const f = q.followUp;
        pdf.space(4);
        pdf.paragraph(`If you ticked ${f.when === "yes" ? "Yes" : "No"}: ${f.label}`, { bold: true, gap: 3 });
        for (const note of [f.hint, f.wordLimit ? `Up to ${f.wordLimit.toLocaleString("en-GB")} words.` : null]) if (note) pdf.paragraph(note, { ...NOTE, gap: 3 });
        pdf.space(3);
        box(pdf, MARGINS.left, CONTENT_WIDTH, linesFor(f.wordLimit));
      }
      return;
    }
    case "address":
      for (const [text, width] of [
        ["Address line 1", CONTENT_WIDTH],
        ["Address line 2 (optional)", CONTENT_WIDTH],
        ["Town or city", 250],
        ["Postcode", 120],
      ] as const) {
        pdf.paragraph(text, { size: 10, gap: 3 });
        box(pdf, MARGINS.left, width, 1);
        pdf.space(6);
      }
      return;
    case "repeating":
      return grid(pdf, q.columns, rowsOf(q), q.mustTotal?.column ?? null);
    case "file":
      pdf.paragraph(`Attach a copy of ${shortName(q)} to this form.`, { gap: 6 });
      return tickBoxes(pdf, [{ value: "attached", label: "I have attached it" }]);
  }
}

// ── drawing the places to write ──────────────────────────────────────────────────────────────────

/** A box to write in, `lines` handwritten lines high, with faint rules inside when there are several. */
function box(pdf: TaggedPdf, x: number, width: number, lines: number) {
  const height = lines * LINE + (lines > 1 ? 8 : 4);
  pdf.keepTogether(height + 2);
  const top = pdf.y;
  pdf.artifact((doc) => {
    doc.rect(x, top, width, height).lineWidth(BOX_LINE_WIDTH).strokeColor(COLOURS.input).stroke();
    for (let i = 1; i < lines; i++) {
      const y = top + 4 + i * LINE;
      doc.moveTo(x + 8, y).lineTo(x + width - 8, y).lineWidth(0.5).strokeColor("#d8dadb").stroke();
    }
  });
  pdf.space(height + 4);
}

/** A short box with a prefix ("£") or a suffix ("people") beside it. */
function inlineBox(pdf: TaggedPdf, prefix: string | null, width: number, suffix: string | null) {
  const top = pdf.y;
  let x = MARGINS.left;
  if (prefix) {
    pdf.element("P", () => {
      pdf.doc.y = top + 7;
      pdf.write(prefix, x, 20, { bold: true, lineGap: 0 });
    });
    x += 18;
  }
  pdf.doc.y = top;
  box(pdf, x, width, 1);
  const after = pdf.y;
  if (suffix) {
    pdf.element("P", () => {
      pdf.doc.y = top + 7;
      pdf.write(suffix, x + width + 8, CONTENT_WIDTH - width - 30, { lineGap: 0 });
    });
  }
  pdf.doc.y = after;
}

function dateBoxes(pdf: TaggedPdf) {
  const top = pdf.y;
  let x = MARGINS.left;
  for (const [label, width] of [
    ["Day", 44],
    ["Month", 44],
    ["Year", 70],
  ] as const) {
    pdf.element("P", () => {
      pdf.doc.y = top;
      pdf.write(label, x, width + 10, { size: 10, lineGap: 0 });
    });
    pdf.doc.y = top + 16;
    box(pdf, x, width, 1);
    x += width + 16;
  }
}

function tickBoxes(pdf: TaggedPdf, options: Option[]) {
  pdf.group("L", () => {
    for (const o of options) {
      const text = o.hint ? `${o.label}\n${o.hint}` : o.label;
      const h = pdf.heightOf(text, CONTENT_WIDTH - 26);
      pdf.keepTogether(Math.max(h, TICK) + 6);
      const top = pdf.y;
      pdf.artifact((doc) => doc.rect(MARGINS.left, top, TICK, TICK).lineWidth(BOX_LINE_WIDTH).strokeColor(COLOURS.input).stroke());
      pdf.group("LI", () =>
        pdf.element("LBody", () => {
          pdf.doc.y = top;
          pdf.write(text, MARGINS.left + 24, CONTENT_WIDTH - 24);
        }),
      );
      pdf.doc.y = Math.max(pdf.y, top + TICK) + 7;
    }
  });
}

/** Rows to fill in for a repeating question (budget lines, funders…), with a Total row where they must add up. */
function grid(pdf: TaggedPdf, columns: Column[], rows: number, totalColumn: string | null) {
  const moneyWidth = 100;
  const fixed = columns.filter((c) => c.type !== "text").length * moneyWidth;
  const textColumns = columns.filter((c) => c.type === "text").length || 1;
  const widths = columns.map((c) => (c.type === "text" ? (CONTENT_WIDTH - fixed) / textColumns : moneyWidth));
  const xs = widths.map((_, i) => MARGINS.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const rowHeight = 24;
  const head = columns.map((c) => (c.type === "money" ? `${c.label} (£)` : c.label));
  const headHeight = Math.max(...head.map((h, i) => pdf.heightOf(h, widths[i] - 10, { bold: true, size: 10 }))) + 10;
  const total = totalColumn ? 1 : 0;
  pdf.keepTogether(headHeight + (rows + total) * rowHeight + 4);
  const top = pdf.y;
  const bodyTop = top + headHeight;
  // The grid first, so the header's shading lies under its text.
  pdf.artifact((doc) => {
    doc.rect(MARGINS.left, top, CONTENT_WIDTH, headHeight).fillColor(COLOURS.fill).fill();
    doc.lineWidth(BOX_LINE_WIDTH).strokeColor(COLOURS.input);
    doc.rect(MARGINS.left, top, CONTENT_WIDTH, headHeight + rows * rowHeight).stroke();
    for (let r = 0; r <= rows; r++) doc.moveTo(MARGINS.left, bodyTop + r * rowHeight).lineTo(MARGINS.left + CONTENT_WIDTH, bodyTop + r * rowHeight).stroke();
    for (let i = 1; i < xs.length; i++) doc.moveTo(xs[i], top).lineTo(xs[i], bodyTop + rows * rowHeight).stroke();
  });
  pdf.group("Table", () =>
    pdf.group("TR", () =>
      head.forEach((h, i) =>
        pdf.element(
          "TH",
          () => {
            pdf.doc.y = top + 5;
            pdf.write(h, xs[i] + 5, widths[i] - 10, { bold: true, size: 10, lineGap: 1 });
          },
          { scope: "Column" },
        ),
      ),
    ),
  );
  pdf.doc.y = bodyTop + rows * rowHeight;
  if (totalColumn) {
    const i = columns.findIndex((c) => c.id === totalColumn);
    const y = pdf.y;
    pdf.style({ bold: true });
    const w = pdf.doc.widthOfString("Total") + 1;
    pdf.element("P", () => {
      pdf.doc.y = y + 7;
      pdf.write("Total", xs[i] - w - 8, w, { bold: true, lineGap: 0 });
    });
    pdf.artifact((doc) => doc.rect(xs[i], y, widths[i], rowHeight).lineWidth(BOX_LINE_WIDTH).strokeColor(COLOURS.input).stroke());
    pdf.doc.y = y + rowHeight;
  }
  pdf.space(6);
  const choices = columns.filter((c): c is Extract<Column, { type: "select" }> => c.type === "select");
  for (const c of choices) pdf.paragraph(`${c.label}: write ${orList(c.options.map((o) => o.label))}.`, { size: 10, color: COLOURS.secondary, gap: 4 });
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** A fund stage's printable form as PDF bytes. */
export function renderBlankForm(data: BlankFormData): Promise<Buffer> {
  return renderPdf(
    {
      title: blankFormTitle(data),
      author: data.operatorName,
      subject: `A printable ${data.stage.toLowerCase()} form for the ${data.fundName}`,
      creator: data.serviceName,
      header: { left: `${data.operatorName} · ${data.fundName}`, right: `${data.stage} form` },
      footer: `Send it to ${data.contact.email}`,
    },
    (pdf) => drawBlankForm(pdf, data),
  );
}
