/**
 * Helpers shared by the GOV.UK Frontend components in this folder.
 *
 * `attributesToProps` is the React equivalent of govuk-frontend's private `govukAttributes` Nunjucks macro
 * (node_modules/govuk-frontend/dist/govuk/macros/attributes.njk): it turns a macro-style `attributes` option
 * into props that can be spread onto a React DOM element.
 */
import type { CSSProperties } from "react";

/** A value in a macro `attributes` object. */
export type AttributeValue = string | number | boolean | null | undefined;

/**
 * The `{ value, optional }` form of an attribute, as `govukAttributes` supports:
 * - `optional: true` and `value: true` renders the bare attribute (`hidden`);
 * - `optional: true` and an empty value (`null`, `undefined`, `false`) omits the attribute.
 */
export interface AttributeOptions {
  value: AttributeValue;
  optional?: boolean;
}

/**
 * The macros' `attributes` option: an object of HTML attribute names (as written in HTML: `data-foo`,
 * `aria-label`, `tabindex`, `class`) to values, or – like `govukAttributes` – a string of raw attributes
 * (`'data-foo="bar" hidden'`).
 */
export type Attributes = string | Readonly<Record<string, AttributeValue | AttributeOptions>>;

/** Props produced from `attributes`, ready to spread onto a DOM element. */
export type AttributeProps = Record<string, string | boolean | CSSProperties>;

/** Join class names, skipping empty ones: `cx("govuk-tag", classes)`. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** HTML attribute names whose React prop name differs (lower-cased HTML name → React prop). */
const REACT_PROP_NAMES: Readonly<Record<string, string>> = {
  class: "className",
  for: "htmlFor",
  "accept-charset": "acceptCharset",
  "http-equiv": "httpEquiv",
  accesskey: "accessKey",
  allowfullscreen: "allowFullScreen",
  autocapitalize: "autoCapitalize",
  autocomplete: "autoComplete",
  autocorrect: "autoCorrect",
  autofocus: "autoFocus",
  autoplay: "autoPlay",
  autosave: "autoSave",
  cellpadding: "cellPadding",
  cellspacing: "cellSpacing",
  charset: "charSet",
  colspan: "colSpan",
  contenteditable: "contentEditable",
  contextmenu: "contextMenu",
  controlslist: "controlsList",
  crossorigin: "crossOrigin",
  datetime: "dateTime",
  disablepictureinpicture: "disablePictureInPicture",
  disableremoteplayback: "disableRemotePlayback",
  enctype: "encType",
  enterkeyhint: "enterKeyHint",
  fetchpriority: "fetchPriority",
  formaction: "formAction",
  formenctype: "formEncType",
  formmethod: "formMethod",
  formnovalidate: "formNoValidate",
  formtarget: "formTarget",
  frameborder: "frameBorder",
  hreflang: "hrefLang",
  inputmode: "inputMode",
  itemid: "itemID",
  itemprop: "itemProp",
  itemref: "itemRef",
  itemscope: "itemScope",
  itemtype: "itemType",
  marginheight: "marginHeight",
  marginwidth: "marginWidth",
  maxlength: "maxLength",
  mediagroup: "mediaGroup",
  minlength: "minLength",
  nomodule: "noModule",
  novalidate: "noValidate",
  playsinline: "playsInline",
  readonly: "readOnly",
  referrerpolicy: "referrerPolicy",
  rowspan: "rowSpan",
  spellcheck: "spellCheck",
  srcdoc: "srcDoc",
  srclang: "srcLang",
  srcset: "srcSet",
  tabindex: "tabIndex",
  usemap: "useMap",
};

/**
 * React props that React treats as booleans: it renders them bare when truthy and drops them when falsy
 * (including the empty string). In HTML any value of these attributes means "on", so a present attribute
 * becomes `true`.
 */
const REACT_BOOLEAN_PROPS = new Set([
  "allowFullScreen",
  "async",
  "autoFocus",
  "autoPlay",
  "checked",
  "controls",
  "default",
  "defer",
  "disabled",
  "disablePictureInPicture",
  "disableRemotePlayback",
  "formNoValidate",
  "hidden",
  "itemScope",
  "loop",
  "multiple",
  "muted",
  "noModule",
  "noValidate",
  "open",
  "playsInline",
  "readOnly",
  "required",
  "reversed",
  "scoped",
  "seamless",
  "selected",
]);

/** The React prop name for an HTML attribute name (`tabindex` → `tabIndex`, `data-x` → `data-x`). */
export function reactPropName(attributeName: string): string {
  return REACT_PROP_NAMES[attributeName.toLowerCase()] ?? attributeName;
}

/** `style="a: b; --c: d"` → `{ a: "b", "--c": "d" }` (React only accepts style objects). */
function parseStyle(style: string): CSSProperties {
  const out: Record<string, string> = {};
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon === -1) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    if (!property) continue;
    const key = property.startsWith("--")
      ? property
      : property
          .toLowerCase()
          .replace(/^-ms-/, "ms-")
          .replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    out[key] = value;
  }
  return out as CSSProperties;
}

/** Set one attribute (given by its HTML name and a string value, or `true` for a bare attribute). */
function setAttribute(props: AttributeProps, name: string, value: string | true): void {
  const prop = reactPropName(name);
  if (REACT_BOOLEAN_PROPS.has(prop)) props[prop] = true;
  else if (prop === "style") props.style = parseStyle(value === true ? "" : value);
  else props[prop] = value === true ? "" : value;
}

function isAttributeOptions(value: unknown): value is AttributeOptions {
  return typeof value === "object" && value !== null;
}

/**
 * Convert a macro `attributes` option to React props, following `govukAttributes`:
 * - plain values render as `name="value"` (`true`/`false` become `"true"`/`"false"`, `null`/`undefined` become `""`);
 * - `{ value, optional: true }` renders bare for `true` and is omitted for `null`/`undefined`/`false`;
 * - a string is parsed as raw HTML attributes.
 *
 * Attribute names are HTML names (`tabindex`, `class`); they are mapped to React prop names. Event handler
 * attributes (`onclick`) are not rendered by React.
 */
export function attributesToProps(attributes: Attributes | null | undefined): AttributeProps {
  const props: AttributeProps = {};
  if (!attributes) return props;
  if (typeof attributes === "string") {
    for (const [name, value] of parseAttributeString(attributes)) setAttribute(props, name, value);
    return props;
  }
  for (const [name, item] of Object.entries(attributes)) {
    const { value, optional } = isAttributeOptions(item) ? item : { value: item, optional: false };
    if (optional === true && value === true) setAttribute(props, name, true);
    else if (optional === true && (value === undefined || value === null || value === false)) continue;
    else setAttribute(props, name, value === undefined || value === null ? "" : String(value));
  }
  return props;
}

// ---------------------------------------------------------------------------------------------------------
// Raw HTML helpers (also used by html.tsx)

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "\u00ad",
  copy: "©",
  reg: "®",
  trade: "™",
  pound: "£",
  euro: "€",
  cent: "¢",
  yen: "¥",
  sect: "§",
  para: "¶",
  deg: "°",
  plusmn: "±",
  times: "×",
  divide: "÷",
  middot: "·",
  bull: "•",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  lsaquo: "‹",
  rsaquo: "›",
  larr: "←",
  rarr: "→",
  uarr: "↑",
  darr: "↓",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  zwnj: "\u200c",
  zwj: "\u200d",
  lrm: "\u200e",
  rlm: "\u200f",
};

/**
 * Decode character references in HTML text or attribute values: all numeric references and the common
 * named ones (`&amp;`, `&nbsp;`, `&copy;`, `&rsquo;`…). Unknown names are left as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (match, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? match;
  });
}

/** One attribute in a start tag: name, then optionally `=` and a double-quoted, single-quoted or bare value. */
const ATTRIBUTE_PATTERN = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Parse raw HTML attributes (`'data-x="1" hidden'`) into `[name, value]` pairs (`true` for bare ones). */
export function parseAttributeString(source: string): Array<[string, string | true]> {
  const out: Array<[string, string | true]> = [];
  const seen = new Set<string>();
  for (const match of source.matchAll(ATTRIBUTE_PATTERN)) {
    const name = match[1];
    // As in HTML, the first occurrence of an attribute wins.
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const raw = match[2] ?? match[3] ?? match[4];
    out.push([name, raw === undefined ? true : decodeEntities(raw)]);
  }
  return out;
}
