/** Footer against govuk-frontend's `footer` fixtures. */
import { Footer } from "~/components/footer";

import { expectSameHtml, itRendersEveryFixture, normaliseHtml, render } from "./fixtures";

describe("Footer", () => {
  const fixtures = itRendersEveryFixture("footer", Footer, { nestedHtml: ["html"] });

  // `copyright: null` is an addition (the macro renders the default for null): expected markup is the
  // "with no content licence" fixture without the copyright meta item.
  it("omits the copyright link with copyright: null", () => {
    const fixture = fixtures.find((f) => f.name === "with no content licence")!;
    const withoutCopyright = fixture.html.replace(/\s*<div class="govuk-footer__meta-item">\s*<a[\s\S]*?<\/a>\s*<\/div>/, "");
    expect(normaliseHtml(withoutCopyright)).not.toBe(normaliseHtml(fixture.html));
    expectSameHtml(render(<Footer contentLicence={null} copyright={null} />), withoutCopyright);
  });

  // `crown={false}` is an addition too: a council's service must not carry the Crown's logo.
  it("leaves out the crown with crown={false}", () => {
    const fixture = fixtures.find((f) => f.name === "default")!;
    const withoutCrown = fixture.html.replace(/<svg[\s\S]*?class="govuk-footer__crown"[\s\S]*?<\/svg>/, "");
    expect(normaliseHtml(withoutCrown)).not.toBe(normaliseHtml(fixture.html));
    expectSameHtml(render(<Footer crown={false} />), withoutCrown);
    expect(render(<Footer crown={false} />)).not.toContain("govuk-footer__crown");
  });
});
