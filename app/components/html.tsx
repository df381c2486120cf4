/**
 * Rendering of the macros' `html` options.
 *
 * govuk-frontend macros take trusted HTML strings (`html`, `logoHtml`, `titleHtml`, `slots.*`). These
 * components accept the same strings, and also React content:
 * - top-level components take `children`, which win over `html` and `text`;
 * - nested options (`rows[].value.html`, `tag.html`…) take an `HtmlOption`: a string is trusted HTML, anything
 *   else is rendered as React content.
 *
 * Strings are never sanitised: only pass HTML you built or trust.
 */
import { createElement, type ReactNode } from "react";

import { attributesToProps, decodeEntities } from "./attributes";

/**
 * A macro `html` option: a string of trusted HTML, or React content (for example JSX) rendered as-is.
 * Note that a string here is HTML, not text: use the matching `text` option for plain text.
 */
export type HtmlOption = ReactNode;

/** Props that put content inside an element: React `children` or `dangerouslySetInnerHTML`. */
export type ContentProps =
  | { children?: ReactNode; dangerouslySetInnerHTML?: undefined }
  | { children?: undefined; dangerouslySetInnerHTML: { __html: string } };

/** Whether a React `children` value was really given (not `undefined`, `null`, `false` or `""`). */
export function hasChildren(children: ReactNode): boolean {
  return children !== undefined && children !== null && children !== false && children !== "";
}

/**
 * The content of an element, as the macros choose it: `children` if given, else `html` if truthy (a string
 * is set as inner HTML), else `text` (escaped).
 *
 * Spread the result onto the wrapping element: `<strong className="govuk-tag" {...content(children, html, text)} />`.
 */
export function content(children: ReactNode, html: HtmlOption, text?: ReactNode): ContentProps {
  if (hasChildren(children)) return { children };
  if (html) return typeof html === "string" ? { dangerouslySetInnerHTML: { __html: html } } : { children: html };
  return { children: text ?? undefined };
}

/**
 * Render an `HtmlOption` where it shares its parent element with other content (so it cannot be that
 * element's inner HTML): strings are split into top-level nodes, see `Html`.
 */
export function renderHtml(html: HtmlOption): ReactNode {
  return typeof html === "string" ? <Html html={html} /> : html;
}

/**
 * Render a trusted HTML string without a wrapping element, so it can sit beside other React content.
 *
 * React can only set raw HTML as the whole content of an element, so the string is split into its top-level
 * nodes: each top-level element is created with React (its attributes parsed) and its own content set as inner
 * HTML, unchanged; top-level text is decoded and rendered as text; comments are dropped. Only the top level is
 * parsed, so nested markup is passed through exactly.
 *
 * Where an `html` option is the only content of its wrapper, components set it with `dangerouslySetInnerHTML`
 * on the wrapper instead (see `content`).
 */
export function Html({ html }: { html: string }): ReactNode {
  return <>{splitHtml(html)}</>;
}

/** Elements with no content or end tag. */
const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]);

/** A comment, other markup declaration, end tag or start tag, starting at `lastIndex` (sticky). */
const TAG_PATTERN =
  /<(?:!--[\s\S]*?(?:-->|$)|[!?][^>]*(?:>|$)|\/([a-zA-Z][^\s/>]*)[^>]*(?:>|$)|([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^"'>])*)>)/y;

interface Tag {
  /** Index just after the tag. */
  end: number;
  /** Lower-cased name of a start tag. */
  start?: string;
  /** Lower-cased name of an end tag. */
  close?: string;
  /** Raw attribute source of a start tag. */
  attributes?: string;
  selfClosing?: boolean;
}

/** Read the tag or comment at `index` (which holds `<`), or `undefined` if it is a literal `<`. */
function readTag(html: string, index: number): Tag | undefined {
  TAG_PATTERN.lastIndex = index;
  const match = TAG_PATTERN.exec(html);
  if (!match) return undefined;
  const end = index + match[0].length;
  if (match[1]) return { end, close: match[1].toLowerCase() };
  if (match[2]) {
    const attributes = match[3].trimEnd();
    const selfClosing = attributes.endsWith("/");
    return { end, start: match[2].toLowerCase(), attributes: selfClosing ? attributes.slice(0, -1) : attributes, selfClosing };
  }
  return { end };
}

/** Index of the end of raw text element `name`'s content, and of its end tag's end. */
function findRawTextEnd(html: string, from: number, name: string): { contentEnd: number; end: number } {
  const pattern = new RegExp(`</${name}(?=[\\s/>])[^>]*>?`, "gi");
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  return match ? { contentEnd: match.index, end: match.index + match[0].length } : { contentEnd: html.length, end: html.length };
}

/**
 * Find where the element whose content starts at `from` ends, tracking the open elements so unclosed
 * children (`<li>`, `<p>`) do not matter. Returns the end of its content and of its end tag.
 */
function findElementEnd(html: string, from: number, name: string): { contentEnd: number; end: number } {
  const open = [name];
  let index = from;
  while (index < html.length) {
    const lt = html.indexOf("<", index);
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (!tag) {
      index = lt + 1;
      continue;
    }
    index = tag.end;
    if (tag.start && !tag.selfClosing && !VOID_ELEMENTS.has(tag.start)) {
      if (RAW_TEXT_ELEMENTS.has(tag.start)) index = findRawTextEnd(html, index, tag.start).end;
      else open.push(tag.start);
    } else if (tag.close) {
      const at = open.lastIndexOf(tag.close);
      if (at === -1) continue;
      open.length = at;
      if (at === 0) return { contentEnd: lt, end: tag.end };
    }
  }
  return { contentEnd: html.length, end: html.length };
}

/** Split trusted HTML into React nodes, one per top-level node (see `Html`). */
export function splitHtml(html: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let text = "";
  const flushText = () => {
    if (text) nodes.push(decodeEntities(text));
    text = "";
  };
  let index = 0;
  while (index < html.length) {
    const lt = html.indexOf("<", index);
    if (lt === -1) {
      text += html.slice(index);
      break;
    }
    text += html.slice(index, lt);
    const tag = readTag(html, lt);
    if (!tag) {
      text += "<";
      index = lt + 1;
      continue;
    }
    index = tag.end;
    // Comments, declarations and stray end tags produce nothing.
    if (!tag.start) continue;
    flushText();
    const props: Record<string, unknown> = { ...attributesToProps(tag.attributes ?? ""), key: nodes.length };
    if (!tag.selfClosing && !VOID_ELEMENTS.has(tag.start)) {
      const { contentEnd, end } = RAW_TEXT_ELEMENTS.has(tag.start)
        ? findRawTextEnd(html, index, tag.start)
        : findElementEnd(html, index, tag.start);
      const inner = html.slice(index, contentEnd);
      if (inner) props.dangerouslySetInnerHTML = { __html: inner };
      index = end;
    }
    nodes.push(createElement(tag.start, props));
  }
  flushText();
  return nodes;
}
