/** ErrorSummary against govuk-frontend's `error-summary` fixtures. */
import { ErrorSummary } from "~/components/error-summary";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("ErrorSummary", () => {
  itRendersEveryFixture("error-summary", ErrorSummary, { topLevelHtml: "descriptionHtml", nestedHtml: ["titleHtml", "html"] });

  it("renders React children as the description", () => {
    expectSameHtml(
      render(
        <ErrorSummary titleText="There is a problem" descriptionText="ignored" errorList={[{ text: "Enter a name", href: "#name" }]}>
          Fix <b>these</b>
        </ErrorSummary>
      ),
      '<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><p>Fix <b>these</b></p><ul class="govuk-list govuk-error-summary__list"><li><a href="#name">Enter a name</a></li></ul></div></div></div>'
    );
  });
});
