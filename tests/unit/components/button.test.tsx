/** Button against govuk-frontend's `button` fixtures. */
import { Button } from "~/components/button";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("Button", () => {
  const fixtures = itRendersEveryFixture("button", Button, { topLevelHtml: "html" });

  // `element` is not in the 6.x macro (no fixtures); expected markup is that of the govuk-frontend 4 template.
  it("renders the legacy element: input as <input>", () => {
    expectSameHtml(
      render(<Button element="input" text="Save" name="save" disabled preventDoubleClick classes="app-x" id="save-button" />),
      '<input value="Save" type="submit" name="save" disabled aria-disabled="true" data-prevent-double-click="true" class="govuk-button app-x" data-module="govuk-button" id="save-button">'
    );
  });

  it("renders the legacy element: a without href as a link to #", () => {
    expectSameHtml(
      render(<Button element="a" text="Go" />),
      '<a href="#" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Go</a>'
    );
  });

  it("does not wrap plain-text children of a start button in a span", () => {
    const fixture = fixtures.find((f) => f.name === "start link")!;
    expectSameHtml(
      render(
        <Button href="/" isStartButton>
          Start now link button
        </Button>
      ),
      fixture.html
    );
  });
});
