/** WarningText against govuk-frontend's `warning-text` fixtures. */
import { WarningText } from "~/components/warning-text";

import { itRendersEveryFixture } from "./fixtures";

describe("WarningText", () => {
  itRendersEveryFixture("warning-text", WarningText, { topLevelHtml: "html" });
});
