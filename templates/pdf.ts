/**
 * The portal's PDFs: A4, tagged (a structure tree of headings, paragraphs, lists and tables that screen
 * readers and text extraction follow), title and language set, DejaVu Sans embedded (subset) so names in
 * Polish, Greek, Cyrillic, Arabic or Urdu render, and "Page N of M" on every page.
 *
 * Templates draw through `TaggedPdf`, never through pdfkit directly, so nothing reaches a page untagged:
 * content goes into a structure element, and what is only decoration (rules, boxes, the running head and
 * foot) is marked as an artifact. Right-to-left text is reordered on the way (./bidi.ts).
 * See docs/decisions/0011-pdf-documents.md.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { hasRtl, visualRuns, wrapLogical } from "./bidi";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** A4 in points, as pdfinfo reports it. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGINS = { top: 84, bottom: 78, left: 64, right: 64 } as const;
/** The width of the text column. */
export const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** GOV.UK Design System colours: text, secondary text, borders, light fill. */
export const COLOURS = { text: "#0b0c0c", secondary: "#484949", border: "#b1b4b6", input: "#0b0c0c", fill: "#f3f2f1" } as const;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  /** Extra space between lines, in points. */
  lineGap?: number;
}

const BODY: Required<TextStyle> = { size: 11, bold: false, color: COLOURS.text, lineGap: 3 };
const HEADINGS = {
  1: { size: 21, bold: true, color: COLOURS.text, lineGap: 2, before: 0, after: 12 },
  2: { size: 15, bold: true, color: COLOURS.text, lineGap: 2, before: 20, after: 8 },
  3: { size: 11, bold: true, color: COLOURS.text, lineGap: 3, before: 10, after: 3 },
} as const;

export interface PdfMeta {
  /** The document's title: the window's title bar shows it (DisplayDocTitle), and so do screen readers. */
  title: string;
  /** Who it is from: the service's operator. */
  author: string;
  subject?: string;
  /** The service's name, as the application that made it. */
  creator?: string;
  /** The running head on every page: left and right. */
  header: { left: string; right?: string };
  /** A line at the foot of every page, left of the page number. */
  footer?: string;
  /** When it was made (fixes the document's creation date, so the same data gives the same text). */
  createdAt?: Date;
}

// The fonts, loaded once per process. The files live in templates/fonts with their licence; the server runs
// from the repository's root (as it does for the password list). Once a document has opened a font, its
// parsed form (fontkit's, with the shaping tables it has read) is handed to the next documents instead of
// the file: pdfkit accepts it, each document still makes its own subset, and a copy is drawn about twice as
// fast.
type FontName = "Body" | "Bold";
const FONT_FILES: Record<FontName, string> = { Body: "DejaVuSans.ttf", Bold: "DejaVuSans-Bold.ttf" };
/** A font file's bytes, or fontkit's parsed font (pdfkit takes either: anything with a `layout` method). */
const parsedFonts: Partial<Record<FontName, object>> = {};

function registerFonts(doc: Doc) {
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    const parsed = parsedFonts[name];
    doc.registerFont(name, (parsed ?? readFileSync(path.resolve(process.cwd(), "templates/fonts", FONT_FILES[name]))) as Buffer);
    if (parsed) continue;
    doc.font(name);
    const font = (doc as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
    if (typeof font?.layout === "function") parsedFonts[name] = font;
  }
}

/** Every right-to-left run is laid out whole (see ./bidi.ts): any features list makes pdfkit do that. */
const WHOLE_RUN: PDFKit.Mixins.TextOptions["features"] = [];

export class TaggedPdf {
  readonly doc: Doc;
  private readonly parents: Struct[];
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(private readonly meta: PdfMeta) {
    const doc = new PDFDocument({
      size: "A4",
      margins: { ...MARGINS },
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: "1.7",
      tagged: true,
      lang: "en-GB",
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: meta.author,
        ...(meta.subject ? { Subject: meta.subject } : {}),
        Creator: meta.creator ?? meta.author,
        ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
      },
    });
    this.doc = doc;
    this.done = new Promise<Buffer>((resolve, reject) => {
      doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
      doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      doc.on("error", reject);
    });
    registerFonts(doc);
    this.style(BODY);
    const root = doc.struct("Document");
    doc.addStructure(root);
    this.parents = [root];
  }

  private get parent(): Struct {
    return this.parents[this.parents.length - 1];
  }

  /** The bottom of the writable area of the current page. */
  get bottom(): number {
    return this.doc.page.height - MARGINS.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  style(s: TextStyle): this {
    const style = { ...BODY, ...s };
    this.doc.font(style.bold ? "Bold" : "Body").fontSize(style.size).fillColor(style.color);
    return this;
  }

  /** The height `text` takes in `width` with this style, as `write` will draw it. */
  heightOf(text: string, width: number = CONTENT_WIDTH, s: TextStyle = {}): number {
    const style = { ...BODY, ...s };
    this.style(style);
    if (!hasRtl(text)) return this.doc.heightOfString(text, { width, lineGap: style.lineGap });
    const lines = text.split("\n").flatMap((p) => wrapLogical(p, width, (t) => this.doc.widthOfString(t, { features: WHOLE_RUN })));
    return lines.length * (this.doc.currentLineHeight(true) + style.lineGap);
  }

  /** Starts a new page when less than `height` is left on this one (keeps a heading with what follows). */
  keepTogether(height: number): this {
    if (this.doc.y + height > this.bottom) this.newPage();
    return this;
  }

  newPage(): this {
    this.doc.continueOnNewPage();
    this.doc.x = MARGINS.left;
    return this;
  }

  space(points: number): this {
    this.doc.y += points;
    return this;
  }

  // ── structure ──────────────────────────────────────────────────────────────────────────────────

  /** Content inside a grouping element (Sect, Div, L, Table, TR…): what `fn` adds becomes its children. */
  group(tag: string, fn: () => void, options: { title?: string } = {}): this {
    const el = this.doc.struct(tag, options);
    this.parent.add(el);
    this.parents.push(el);
    try {
      fn();
    } finally {
      this.parents.pop();
      el.end();
    }
    return this;
  }

  /** One element holding marked content: `draw` puts its text on the page. */
  element(tag: string, draw: () => void, options: Record<string, unknown> = {}): this {
    this.parent.add(this.doc.struct(tag, options, () => draw()));
    return this;
  }

  /** Decoration (rules, boxes): drawn on the page, left out of the structure. */
  artifact(draw: (doc: Doc) => void): this {
    const { x, y } = this.doc;
    this.doc.markContent("Artifact", { type: "Layout" });
    this.doc.save();
    draw(this.doc);
    this.doc.restore();
    this.doc.endMarkedContent();
    this.doc.x = x;
    this.doc.y = y;
    return this;
  }

  // ── content ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Writes text at the current position, wrapping in `width` and running on to the next page as needed.
   * Only for use inside `element` (or `artifact`): text outside an element would be untagged.
   */
  write(text: string, x: number = MARGINS.left, width: number = CONTENT_WIDTH, s: TextStyle = {}): void {
    const style = { ...BODY, ...s };
    const doc = this.doc;
    this.style(style);
    if (!hasRtl(text)) {
      doc.text(text, x, doc.y, { width, lineGap: style.lineGap });
      doc.x = MARGINS.left;
      return;
    }
    // Lines are broken in typed order, then each is reordered for display (UAX #9). No ActualText: poppler
    // (pdftotext) reads it as if it were in visual order and reverses it a second time, while the glyphs'
    // own Unicode values in visual order read back in typed order (docs/decisions/0011).
    const lineHeight = doc.currentLineHeight(true) + style.lineGap;
    for (const paragraph of text.split("\n")) {
      for (const line of wrapLogical(paragraph, width, (t) => doc.widthOfString(t, { features: WHOLE_RUN }))) {
        if (doc.y + lineHeight > this.bottom) doc.continueOnNewPage();
        const top = doc.y;
        let cx = x;
        for (const run of visualRuns(line)) {
          doc.text(run.text, cx, top, { lineBreak: false, features: WHOLE_RUN });
          cx += doc.widthOfString(run.text, { features: WHOLE_RUN });
        }
        doc.y = top + lineHeight;
      }
    }
    doc.x = MARGINS.left;
  }

  /** A heading, also added to the document's outline (bookmarks) at levels 1 and 2. */
  heading(level: 1 | 2 | 3, text: string, opts: { keepWith?: number } = {}): this {
    const h = HEADINGS[level];
    if (this.doc.y > MARGINS.top + 1) this.space(h.before);
    this.keepTogether(this.heightOf(text, CONTENT_WIDTH, h) + h.after + (opts.keepWith ?? 3 * 15));
    this.element(`H${level}`, () => this.write(text, MARGINS.left, CONTENT_WIDTH, h));
    if (level <= 2) this.doc.outline.addItem(text);
    return this.space(h.after);
  }

  /** A paragraph. `gap`: the space after it. */
  paragraph(text: string, opts: TextStyle & { x?: number; width?: number; gap?: number } = {}): this {
    const { x = MARGINS.left, width = CONTENT_WIDTH, gap = 8, ...style } = opts;
    this.element("P", () => this.write(text, x, width, style));
    return this.space(gap);
  }

  /** A bulleted list (L → LI → Lbl, LBody). */
  list(items: string[], opts: TextStyle & { gap?: number } = {}): this {
    const { gap = 8, ...style } = opts;
    const indent = 16;
    this.group("L", () => {
      for (const item of items) {
        this.keepTogether(this.heightOf(item, CONTENT_WIDTH - indent, style));
        const top = this.doc.y;
        this.group("LI", () => {
          this.element("Lbl", () => {
            this.doc.y = top;
            this.write("•", MARGINS.left + 2, indent, style);
          });
          this.element("LBody", () => {
            this.doc.y = top;
            this.write(item, MARGINS.left + indent, CONTENT_WIDTH - indent, style);
          });
        });
        this.space(2);
      }
    });
    return this.space(gap);
  }

  /** A horizontal rule across the column (decoration). */
  rule(opts: { color?: string; width?: number; gap?: number } = {}): this {
    const { color = COLOURS.border, width = 1, gap = 8 } = opts;
    const y = this.doc.y;
    this.artifact((doc) => doc.moveTo(MARGINS.left, y).lineTo(A4.width - MARGINS.right, y).lineWidth(width).strokeColor(color).stroke());
    return this.space(gap);
  }

  /**
   * A table: a header row (TH, scope Column) unless `head` is omitted; in each body row the first cell is a
   * row header (TH, scope Row) when `rowHeaders` is set. Rows never split across pages.
   */
  table(opts: { head?: string[]; rows: string[][]; widths: number[]; rowHeaders?: boolean; summary?: string; gap?: number }): this {
    const { head, rows, widths, rowHeaders = false, gap = 12 } = opts;
    const padX = 6;
    const padY = 6;
    const xs = widths.map((_, i) => MARGINS.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const drawRow = (cells: string[], header: "column" | "row" | null) => {
      const styles = cells.map((_, i) => (header === "column" || (header === "row" && i === 0) ? { bold: true } : {}));
      const height = Math.max(...cells.map((c, i) => this.heightOf(c || " ", widths[i] - 2 * padX, styles[i]))) + 2 * padY;
      this.keepTogether(height);
      const top = this.doc.y;
      this.group("TR", () => {
        cells.forEach((cell, i) => {
          const th = header === "column" || (header === "row" && i === 0);
          this.element(
            th ? "TH" : "TD",
            () => {
              this.doc.y = top + padY;
              this.write(cell, xs[i] + padX, widths[i] - 2 * padX, styles[i]);
            },
            th ? { scope: header === "column" ? "Column" : "Row" } : {},
          );
        });
      });
      const bottom = top + height;
      this.doc.y = bottom;
      this.artifact((doc) =>
        doc
          .moveTo(MARGINS.left, bottom)
          .lineTo(MARGINS.left + widths.reduce((a, b) => a + b, 0), bottom)
          .lineWidth(header === "column" ? 1.5 : 0.75)
          .strokeColor(header === "column" ? COLOURS.text : COLOURS.border)
          .stroke(),
      );
    };
    this.group("Table", () => {
      if (head) drawRow(head, "column");
      for (const row of rows) drawRow(row, rowHeaders ? "row" : null);
    });
    return this.space(gap);
  }

  // ── finishing ──────────────────────────────────────────────────────────────────────────────────

  /** Puts the running head and "Page N of M" on every page, ends the document and gives its bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = 0; i < count; i++) {
      doc.switchToPage(start + i);
      this.pageFurniture(i + 1, count);
    }
    this.parents[0].end();
    doc.end();
    return this.done;
  }

  /** The text cut to one line of `width` in the current font, ending "…" when cut. */
  private oneLine(text: string, width: number): string {
    const fits = (t: string) => this.doc.widthOfString(t, hasRtl(t) ? { features: WHOLE_RUN } : {}) <= width;
    if (fits(text)) return text;
    let cut = text.length;
    while (cut > 1 && !fits(`${text.slice(0, cut).trimEnd()}…`)) cut--;
    return `${text.slice(0, cut).trimEnd()}…`;
  }

  private pageFurniture(page: number, pages: number) {
    const doc = this.doc;
    const margins = doc.page.margins;
    // Text placed outside the margins must not start a new page.
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const left = MARGINS.left;
    const right = A4.width - MARGINS.right;
    const width = right - left;
    doc.markContent("Artifact", { type: "Pagination" });
    const small = { size: 8.5, color: COLOURS.secondary, lineGap: 0 };
    const headY = 36;
    doc.y = headY;
    this.style(small);
    const rightWidth = this.meta.header.right ? Math.min(doc.widthOfString(this.meta.header.right) + 1, width * 0.4) : 0;
    this.style({ ...small, bold: true });
    this.write(this.oneLine(this.meta.header.left, width - rightWidth - 18), left, width - rightWidth - 18, { ...small, bold: true });
    if (this.meta.header.right) {
      doc.y = headY;
      this.write(this.meta.header.right, right - rightWidth, rightWidth, small);
    }
    doc.save().moveTo(left, 54).lineTo(right, 54).lineWidth(0.75).strokeColor(COLOURS.border).stroke().restore();
    const footY = A4.height - 50;
    doc.save().moveTo(left, footY - 8).lineTo(right, footY - 8).lineWidth(0.75).strokeColor(COLOURS.border).stroke().restore();
    const number = `Page ${page} of ${pages}`;
    this.style(small);
    const nw = doc.widthOfString(number);
    if (this.meta.footer) {
      doc.y = footY;
      this.write(this.oneLine(this.meta.footer, width - nw - 24), left, width - nw - 24, small);
    }
    doc.y = footY;
    this.write(number, right - nw, nw + 1, small);
    doc.endMarkedContent();
    doc.page.margins = margins;
  }
}

/** Makes a document, lets `draw` fill it, and gives its bytes. */
export async function renderPdf(meta: PdfMeta, draw: (pdf: TaggedPdf) => void): Promise<Buffer> {
  const pdf = new TaggedPdf(meta);
  draw(pdf);
  return pdf.finish();
}
