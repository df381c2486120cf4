/** BackLink against govuk-frontend's `back-link` fixtures. */
import { BackLink } from "~/components/back-link";

import { itRendersEveryFixture } from "./fixtures";

describe("BackLink", () => {
  itRendersEveryFixture("back-link", BackLink, { topLevelHtml: "html" });
});
