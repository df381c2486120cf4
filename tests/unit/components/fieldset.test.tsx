/** Fieldset against govuk-frontend's `fieldset` fixtures. */
import { Fieldset } from "~/components/fieldset";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("Fieldset", () => {
  itRendersEveryFixture("fieldset", Fieldset, { topLevelHtml: "html", nestedHtml: ["html"] });

  it("renders children after the legend", () => {
    expectSameHtml(
      render(
        <Fieldset legend={{ html: <>Your <b>address</b></>, isPageHeading: true }} role="group" describedBy="hint">
          <p>Content</p>
        </Fieldset>
      ),
      '<fieldset class="govuk-fieldset" role="group" aria-describedby="hint"><legend class="govuk-fieldset__legend"><h1 class="govuk-fieldset__heading">Your <b>address</b></h1></legend><p>Content</p></fieldset>'
    );
  });

  it("leaves out a legend without content", () => {
    expectSameHtml(render(<Fieldset legend={{ classes: "x" }} />), '<fieldset class="govuk-fieldset"></fieldset>');
  });
});
