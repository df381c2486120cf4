/** SummaryList against govuk-frontend's `summary-list` fixtures. */
import { SummaryList } from "~/components/summary-list";

import { itRendersEveryFixture } from "./fixtures";

describe("SummaryList", () => {
  itRendersEveryFixture("summary-list", SummaryList, { nestedHtml: ["html"] });
});
