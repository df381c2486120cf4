/** InsetText against govuk-frontend's `inset-text` fixtures. */
import { InsetText } from "~/components/inset-text";

import { itRendersEveryFixture } from "./fixtures";

describe("InsetText", () => {
  itRendersEveryFixture("inset-text", InsetText, { topLevelHtml: "html" });
});
