/** Tag against govuk-frontend's `tag` fixtures. */
import { Tag } from "~/components/tag";

import { itRendersEveryFixture } from "./fixtures";

describe("Tag", () => {
  itRendersEveryFixture("tag", Tag, { topLevelHtml: "html" });
});
