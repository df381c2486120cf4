/**
 * Right-to-left text for pdfkit, which has no bidirectional layout (foliojs/pdfkit#219).
 *
 * What pdfkit does with an Arabic or Urdu string: fontkit shapes each space-separated word and, since the
 * word's script is right-to-left, reverses that word's glyphs — so each word is right, but the words stay
 * in their typed order from left to right, and mixed lines ("Group مقهى 2024") come out scrambled.
 *
 * What we do instead: the Unicode Bidirectional Algorithm (bidi-js) gives each character's embedding
 * level for the line; the line is cut into runs in visual order, left to right. A left-to-right run is
 * drawn as it is. A right-to-left run is handed over in its logical order, with mirrored brackets
 * swapped, to be laid out as one piece: fontkit shapes it (joining forms) and reverses it, which puts it
 * in visual order. Lines are broken before reordering, as UAX #9 says: see `wrapLogical`.
 *
 * Pure: no pdfkit here, so it is unit tested on its own.
 */
import bidiFactory from "bidi-js";

const bidi = bidiFactory();

/** Characters of the right-to-left scripts: Hebrew, Arabic (with Urdu and Persian letters), Syriac, Thaana, NKo, and their presentation forms. */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDFFF]/;

/** True when the text holds any right-to-left character, and so needs reordering before pdfkit draws it. */
export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

export interface Run {
  text: string;
  /**
   * True: a right-to-left run, given in logical order for the font engine to shape and reverse as one
   * piece. False: drawn as it stands, left to right.
   */
  rtl: boolean;
}

/**
 * One line's runs in visual order, left to right. The paragraph's direction is taken from its first
 * strong character (UAX #9 rules P2–P3) unless `base` says otherwise.
 */
export function visualRuns(line: string, base: "auto" | "ltr" | "rtl" = "auto"): Run[] {
  if (line.length === 0) return [];
  if (!hasRtl(line) && base !== "rtl") return [{ text: line, rtl: false }];
  const embedding = bidi.getEmbeddingLevels(line, base);
  const { levels } = embedding;
  const order = bidi.getReorderedIndices(line, embedding);
  const mirrored = bidi.getMirroredCharactersMap(line, levels);

  // Consecutive characters on screen that were consecutive when typed, in the same direction, form a run.
  const groups: { indices: number[]; odd: boolean }[] = [];
  for (const i of order) {
    const odd = levels[i] % 2 === 1;
    const current = groups[groups.length - 1];
    const last = current?.indices[current.indices.length - 1];
    if (current && current.odd === odd && last !== undefined && i === (odd ? last - 1 : last + 1)) current.indices.push(i);
    else groups.push({ indices: [i], odd });
  }

  return groups.map(({ indices, odd }) => {
    if (!odd) return { text: indices.map((i) => line[i]).join(""), rtl: false };
    const logical = [...indices].reverse().map((i) => mirrored.get(i) ?? line[i]).join("");
    // The font engine reverses a run only when it sees a right-to-left script in it. A right-to-left run of
    // neutrals alone (a dash between two Arabic names and a Latin one) is put in visual order here.
    return hasRtl(logical) ? { text: logical, rtl: true } : { text: indices.map((i) => mirrored.get(i) ?? line[i]).join(""), rtl: false };
  });
}

/** The line as it reads on the page, left to right, character by character: for tests and debugging. */
export function visualString(line: string, base: "auto" | "ltr" | "rtl" = "auto"): string {
  return visualRuns(line, base)
    .map((r) => (r.rtl ? [...r.text].reverse().join("") : r.text))
    .join("");
}

/**
 * Breaks a paragraph into lines of at most `width`, in logical order (before any reordering), at spaces;
 * a word wider than a line is cut where it must be. `measure` gives a string's width as it will be drawn.
 */
export function wrapLogical(paragraph: string, width: number, measure: (text: string) => number): string[] {
  const words = paragraph.split(/ +/).filter((w) => w.length > 0);
  if (words.length === 0) return [""];
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    // A single word wider than the line: cut it into pieces that fit.
    while (measure(current) > width && current.length > 1) {
      let cut = current.length - 1;
      while (cut > 1 && measure(current.slice(0, cut)) > width) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  lines.push(current);
  return lines;
}
