/** NotificationBanner against govuk-frontend's `notification-banner` fixtures. */
import { NotificationBanner } from "~/components/notification-banner";

import { itRendersEveryFixture } from "./fixtures";

describe("NotificationBanner", () => {
  itRendersEveryFixture("notification-banner", NotificationBanner, { topLevelHtml: "html", nestedHtml: ["titleHtml"] });
});
