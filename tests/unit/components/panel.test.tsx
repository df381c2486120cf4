/** Panel against govuk-frontend's `panel` fixtures. */
import { Panel } from "~/components/panel";

import { itRendersEveryFixture } from "./fixtures";

describe("Panel", () => {
  itRendersEveryFixture("panel", Panel, { topLevelHtml: "html" });
});
