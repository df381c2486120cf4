/** Label against govuk-frontend's `label` fixtures. */
import { Label } from "~/components/label";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("Label", () => {
  itRendersEveryFixture("label", Label, { topLevelHtml: "html" });

  it("renders React children, which win over text", () => {
    expectSameHtml(
      render(
        <Label text="ignored" for="name" isPageHeading>
          Your <em>name</em>
        </Label>
      ),
      '<h1 class="govuk-label-wrapper"><label class="govuk-label" for="name">Your <em>name</em></label></h1>'
    );
  });

  it("renders nothing without content", () => {
    expect(render(<Label for="x" isPageHeading />)).toBe("");
  });
});
