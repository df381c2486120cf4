/** Header against govuk-frontend's `generic-header` fixtures. */
import { Header } from "~/components/header";

import { itRendersEveryFixture } from "./fixtures";

describe("Header", () => {
  itRendersEveryFixture("generic-header", Header, { topLevelHtml: "logoHtml" });
});
