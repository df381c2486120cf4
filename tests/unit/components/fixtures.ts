/**
 * Shared helpers for the component tests: load govuk-frontend's fixtures, render React components to static
 * markup, and compare HTML in a canonical form.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";

import { Html } from "~/components/html";

type Node = DefaultTreeAdapterTypes.Node;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;
type TextNode = DefaultTreeAdapterTypes.TextNode;

const COMPONENTS_DIR = path.resolve(import.meta.dirname, "../../../node_modules/govuk-frontend/dist/govuk/components");

/** One example from a govuk-frontend component's fixtures.json. */
export interface Fixture {
  name: string;
  options: Record<string, unknown>;
  hidden?: boolean;
  description?: string;
  html: string;
}

/** Load `node_modules/govuk-frontend/dist/govuk/components/<component>/fixtures.json`. */
export function loadFixtures(component: string): Fixture[] {
  const file = path.join(COMPONENTS_DIR, component, "fixtures.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as { component: string; fixtures: Fixture[] };
  if (data.component !== component) throw new Error(`${file} is for ${data.component}, not ${component}`);
  return data.fixtures;
}

/**
 * The fixtures to test, as `[name, fixture]` pairs for `it.each`, without those named in `unsupported`
 * (fixture name → reason). Throws if an unsupported name is not a fixture, so the list cannot go stale.
 */
export function supportedFixtures(fixtures: Fixture[], unsupported: Readonly<Record<string, string>>): Array<[string, Fixture]> {
  const missing = missingUnsupported(fixtures, unsupported);
  if (missing.length) throw new Error(`UNSUPPORTED names not in fixtures: ${missing.join(", ")}`);
  return fixtures.filter((f) => !(f.name in unsupported)).map((f) => [f.name, f]);
}

/** Names in `unsupported` that are not fixture names. */
export function missingUnsupported(fixtures: Fixture[], unsupported: Readonly<Record<string, string>>): string[] {
  const names = new Set(fixtures.map((f) => f.name));
  return Object.keys(unsupported).filter((name) => !names.has(name));
}

/**
 * Render an element to static HTML, failing if React logs an error or warning while rendering (invalid DOM
 * props, missing keys…).
 */
export function render(element: ReactElement): string {
  const logged: string[] = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(" "));
  console.warn = console.error;
  try {
    const html = renderToStaticMarkup(element);
    if (logged.length) throw new Error(`React logged while rendering:\n${logged.join("\n")}`);
    return html;
  } finally {
    console.error = original.error;
    console.warn = original.warn;
  }
}

/** Assert two HTML strings are the same after `normaliseHtml`. */
export function expectSameHtml(actual: string, expected: string): void {
  expect(normaliseHtml(actual)).toBe(normaliseHtml(expected));
}

/**
 * The React-node form of a fixture's options, or `undefined` if it has no html options: the string under
 * `topLevelKey` (the component's own html option, e.g. `html` or `logoHtml`) becomes `children` (and the
 * option itself is replaced by a decoy, to check children win), and every
 * string under one of `nestedKeys` at any depth becomes `<Html html={string} />` (React content in place of
 * an HTML string).
 */
export function asReactNodes(
  options: Record<string, unknown>,
  topLevelKey: string | null,
  nestedKeys: readonly string[]
): { props: Record<string, unknown>; children?: ReactNode } | undefined {
  let replaced = false;
  const props = { ...options };
  let children: ReactNode;
  if (topLevelKey && typeof props[topLevelKey] === "string" && props[topLevelKey]) {
    children = createElement(Html, { html: props[topLevelKey] });
    // A decoy html option: children must win over it.
    props[topLevelKey] = '<b class="decoy">html option ignored when children are given</b>';
    replaced = true;
  }
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== "object" || value === null || isValidElement(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        if (nestedKeys.includes(key) && typeof item === "string" && item) {
          replaced = true;
          return [key, createElement(Html, { html: item })];
        }
        return [key, walk(item)];
      })
    );
  };
  const nested = walk(props) as Record<string, unknown>;
  return replaced ? { props: nested, children } : undefined;
}

/** Fixtures that have html options, as `[name, fixture]` pairs (for the React-node tests). */
export function fixturesWithHtml(
  cases: Array<[string, Fixture]>,
  topLevelKey: string | null,
  nestedKeys: readonly string[]
): Array<[string, Fixture]> {
  return cases.filter(([, fixture]) => asReactNodes(fixture.options, topLevelKey, nestedKeys));
}

// ---------------------------------------------------------------------------------------------------------
// Canonical HTML

/** Attributes whose presence alone matters: `disabled`, `disabled=""` and `disabled="disabled"` are equal. */
const BOOLEAN_ATTRIBUTES = new Set([
  "allowfullscreen",
  "async",
  "autofocus",
  "autoplay",
  "checked",
  "controls",
  "default",
  "defer",
  "disabled",
  "formnovalidate",
  "hidden",
  "inert",
  "itemscope",
  "loop",
  "multiple",
  "muted",
  "nomodule",
  "novalidate",
  "open",
  "playsinline",
  "readonly",
  "required",
  "reversed",
  "selected",
]);

const WHITESPACE = /[ \t\n\f\r]+/g;

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function isText(node: Node): node is TextNode {
  return node.nodeName === "#text";
}

function attributeLines(element: Element): string[] {
  const out: string[] = [];
  for (const attr of element.attrs) {
    const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
    if (name === "class") {
      const classes = [...new Set(attr.value.split(WHITESPACE).filter(Boolean))].sort();
      if (classes.length) out.push(`class=${JSON.stringify(classes.join(" "))}`);
    } else if (name === "style") {
      // `a: b;` and `a:b` are the same declaration (React writes styles without spaces or a final `;`).
      const declarations = attr.value
        .split(";")
        .map((d) => d.trim().replace(/^([^:]+?)\s*:\s*/, (_, property: string) => `${property.toLowerCase()}:`))
        .filter(Boolean);
      if (declarations.length) out.push(`style=${JSON.stringify(declarations.join(";"))}`);
    } else if (BOOLEAN_ATTRIBUTES.has(name) || attr.value === "") {
      out.push(name);
    } else {
      out.push(`${name}=${JSON.stringify(attr.value)}`);
    }
  }
  return out.sort();
}

/**
 * The children that matter: comments dropped, adjacent text merged and whitespace collapsed, whitespace-only
 * text dropped, and leading/trailing whitespace trimmed inside the parent.
 */
function significantChildren(parent: ParentNode): Array<Element | string> {
  const merged: Array<Element | string> = [];
  for (const child of parent.childNodes) {
    if (isElement(child)) merged.push(child);
    else if (isText(child)) {
      const last = merged.at(-1);
      if (typeof last === "string") merged[merged.length - 1] = last + child.value;
      else merged.push(child.value);
    }
  }
  const out = merged
    .map((node) => (typeof node === "string" ? node.replace(WHITESPACE, " ") : node))
    .filter((node) => node !== " " && node !== "");
  if (typeof out[0] === "string") out[0] = out[0].trimStart();
  const last = out.length - 1;
  if (typeof out[last] === "string") out[last] = (out[last] as string).trimEnd();
  return out.filter((node) => node !== "");
}

function serialise(parent: ParentNode, depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  for (const node of significantChildren(parent)) {
    if (typeof node === "string") {
      lines.push(`${indent}${JSON.stringify(node)}`);
      continue;
    }
    const open = [node.tagName, ...attributeLines(node)].join(" ");
    lines.push(`${indent}<${open}>`);
    serialise(
      node.tagName === "template" && "content" in node ? (node as DefaultTreeAdapterTypes.Template).content : node,
      depth + 1,
      lines
    );
    lines.push(`${indent}</${node.tagName}>`);
  }
}

/**
 * Canonical form of an HTML fragment, one node per line: attributes sorted, class lists sorted and
 * de-duplicated, boolean attributes without values, `style` declarations without optional whitespace, whitespace in text collapsed and trimmed at the start and
 * end of each element, whitespace-only text and comments dropped.
 */
export function normaliseHtml(html: string): string {
  const lines: string[] = [];
  serialise(parseFragment(html), 0, lines);
  return lines.join("\n");
}

export interface FixtureSuiteOptions {
  /** Fixtures this component does not reproduce, with the reason. Keep it empty if at all possible. */
  unsupported?: Readonly<Record<string, string>>;
  /** The top-level option that takes HTML, replayed as React children (null: none). */
  topLevelHtml?: string | null;
  /** Nested options that take HTML (`rows[].value.html`, `titleHtml`…), replayed as React nodes. */
  nestedHtml?: string[];
}

/**
 * The rule every component follows: render it for every fixture of its govuk-frontend component and
 * compare normalised HTML; again with React nodes in place of the HTML strings; and keep the list of
 * unsupported fixtures from going stale. Call inside the component's `describe`.
 */
export function itRendersEveryFixture<P>(
  component: string,
  Component: (props: P & { children?: ReactNode }) => ReactNode,
  { unsupported = {}, topLevelHtml = null, nestedHtml = [] }: FixtureSuiteOptions = {},
): Fixture[] {
  const fixtures = loadFixtures(component);
  const cases = supportedFixtures(fixtures, unsupported);
  const C = Component as (props: Record<string, unknown>) => ReactNode;

  it.each(cases)("renders fixture %s", (_name, fixture) => {
    expectSameHtml(render(createElement(C, fixture.options)), fixture.html);
  });

  const withHtml = fixturesWithHtml(cases, topLevelHtml, nestedHtml);
  if (withHtml.length > 0) {
    it.each(withHtml)("renders fixture %s with React nodes for html options", (_name, fixture) => {
      const { props, children } = asReactNodes(fixture.options, topLevelHtml, nestedHtml)!;
      expectSameHtml(render(createElement(C, props, children)), fixture.html);
    });
  }

  it("lists only existing fixtures as UNSUPPORTED", () => {
    expect(missingUnsupported(fixtures, unsupported)).toEqual([]);
  });
  return fixtures;
}
