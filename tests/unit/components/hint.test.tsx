/** Hint against govuk-frontend's `hint` fixtures. */
import { Hint } from "~/components/hint";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("Hint", () => {
  itRendersEveryFixture("hint", Hint, { topLevelHtml: "html" });

  it("keeps an id from attributes when no id is given", () => {
    expectSameHtml(render(<Hint text="Hint" attributes={{ id: "from-attributes" }} />), '<div class="govuk-hint" id="from-attributes">Hint</div>');
  });
});
