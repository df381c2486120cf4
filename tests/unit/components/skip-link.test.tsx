/** SkipLink against govuk-frontend's `skip-link` fixtures. */
import { SkipLink } from "~/components/skip-link";

import { itRendersEveryFixture } from "./fixtures";

describe("SkipLink", () => {
  itRendersEveryFixture("skip-link", SkipLink, { topLevelHtml: "html" });
});
