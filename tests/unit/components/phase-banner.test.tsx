/** PhaseBanner against govuk-frontend's `phase-banner` fixtures. */
import { PhaseBanner } from "~/components/phase-banner";

import { itRendersEveryFixture } from "./fixtures";

describe("PhaseBanner", () => {
  itRendersEveryFixture("phase-banner", PhaseBanner, { topLevelHtml: "html", nestedHtml: ["html"] });
});
