/** The shared helpers: attributes (govukAttributes), html options, and the test normaliser itself. */
import { attributesToProps, decodeEntities } from "~/components/attributes";
import { Html, content } from "~/components/html";
import { Tag } from "~/components/tag";

import { expectSameHtml, normaliseHtml, render } from "./fixtures";

describe("attributesToProps (govukAttributes)", () => {
  // The examples documented in node_modules/govuk-frontend/dist/govuk/macros/attributes.njk.
  it.each([
    [{ "aria-hidden": true }, '<strong class="govuk-tag" aria-hidden="true">x</strong>'],
    [{ "aria-hidden": false }, '<strong class="govuk-tag" aria-hidden="false">x</strong>'],
    [{ "data-x": undefined }, '<strong class="govuk-tag" data-x="">x</strong>'],
    [{ "data-x": null }, '<strong class="govuk-tag" data-x="">x</strong>'],
    [{ "data-x": 123 }, '<strong class="govuk-tag" data-x="123">x</strong>'],
    [{ hidden: { value: true, optional: true } }, '<strong class="govuk-tag" hidden>x</strong>'],
    [{ hidden: { value: undefined, optional: true } }, '<strong class="govuk-tag">x</strong>'],
    [{ hidden: { value: false, optional: true } }, '<strong class="govuk-tag">x</strong>'],
    [{ "data-x": { value: "y", optional: true } }, '<strong class="govuk-tag" data-x="y">x</strong>'],
    [{ tabindex: "-1", id: "t" }, '<strong class="govuk-tag" tabindex="-1" id="t">x</strong>'],
    ['data-a="1 &amp; 2" hidden lang=cy', '<strong class="govuk-tag" data-a="1 &amp; 2" hidden lang="cy">x</strong>'],
  ])("renders %j", (attributes, expected) => {
    expectSameHtml(render(<Tag text="x" attributes={attributes} />), expected);
  });

  it("keeps the component's own class over a class attribute, as the first duplicate wins in HTML", () => {
    expectSameHtml(render(<Tag text="x" attributes={{ class: "other" }} />), '<strong class="govuk-tag">x</strong>');
  });

  it("turns style strings into style objects", () => {
    expect(attributesToProps({ style: "white-space: nowrap; --gap: 1px" })).toEqual({ style: { whiteSpace: "nowrap", "--gap": "1px" } });
  });

  it("decodes character references", () => {
    expect(decodeEntities("a &amp; b &lt;&#39;&#x2019;&nbsp;&unknown;")).toBe("a & b <'’\u00a0&unknown;");
  });
});

describe("content", () => {
  it("prefers children, then html, then text", () => {
    expect(content("c", "<b>h</b>", "t")).toEqual({ children: "c" });
    expect(content(undefined, "<b>h</b>", "t")).toEqual({ dangerouslySetInnerHTML: { __html: "<b>h</b>" } });
    expect(content(undefined, "", "t")).toEqual({ children: "t" });
  });
});

describe("Html", () => {
  it.each([
    'Edit<span class="govuk-visually-hidden"> name</span>',
    "text &amp; more <em>em</em> tail",
    '<ul class="x"><li>one<li>two</ul><p>after</p>',
    "<div><div>nested</div><!-- </div> --></div><span>next</span>",
    'a<br>b<img src="x.png" alt="">c',
    "<script>if (a < b) document.write('</div>')</script><p>p</p>",
    '<svg viewBox="0 0 10 10"><title>t</title><circle r="1"/></svg> | after',
    '<p style="color: red" data-x=\'single "quoted"\'>x</p>',
  ])("renders %j as the same HTML", (html) => {
    const rendered = render(
      <div>
        <Html html={html} />
      </div>
    );
    expectSameHtml(rendered, `<div>${html}</div>`);
  });
});

describe("normaliseHtml", () => {
  it.each([
    ['<a class="a b">x</a>', '<a class=" b  a a">x</a>'],
    ['<button disabled="">x</button>', "<button disabled>x</button>"],
    ['<button disabled="disabled">x</button>', "<button disabled>x</button>"],
    ["<p>\n  a\n  b\n</p>", "<p>a b</p>"],
    ["<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>", "<ul><li>a</li><li>b</li></ul>"],
    ['<p data-b="2" data-a="1">x</p>', '<p data-a="1" data-b="2">x</p>'],
    ["<p><!-- comment -->x</p>", "<p>x</p>"],
    ['<p style="color: red;">x</p>', '<p style="color:red">x</p>'],
  ])("treats %j and %j as equal", (a, b) => {
    expect(normaliseHtml(a)).toBe(normaliseHtml(b));
  });

  it.each([
    ['<a class="a b">x</a>', '<a class="a">x</a>'],
    ["<p>a <b>b</b></p>", "<p>a<b>b</b></p>"],
    ["<p>a</p>", "<p>b</p>"],
    ["<p>a</p>", "<div>a</div>"],
    ['<p data-x="1">a</p>', '<p data-x="2">a</p>'],
    ['<p data-x="">a</p>', "<p>a</p>"],
    ["<p>&lt;b&gt;a&lt;/b&gt;</p>", "<p><b>a</b></p>"],
    ["<div><p>a</p></div>", "<div></div><p>a</p>"],
  ])("tells %j and %j apart", (a, b) => {
    expect(normaliseHtml(a)).not.toBe(normaliseHtml(b));
  });
});
