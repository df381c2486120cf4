/** ErrorMessage against govuk-frontend's `error-message` fixtures. */
import { ErrorMessage } from "~/components/error-message";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("ErrorMessage", () => {
  itRendersEveryFixture("error-message", ErrorMessage, { topLevelHtml: "html" });

  it("puts the visually hidden prefix before React children", () => {
    expectSameHtml(
      render(
        <ErrorMessage id="e">
          Enter <b>a</b> name
        </ErrorMessage>
      ),
      '<p id="e" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter <b>a</b> name</p>'
    );
  });
});
