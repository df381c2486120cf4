/** Table against govuk-frontend's `table` fixtures. */
import { Table } from "~/components/table";

import { itRendersEveryFixture } from "./fixtures";

describe("Table", () => {
  itRendersEveryFixture("table", Table, { nestedHtml: ["html"] });
});
