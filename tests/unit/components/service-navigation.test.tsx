/** ServiceNavigation against govuk-frontend's `service-navigation` fixtures. */
import { ServiceNavigation } from "~/components/service-navigation";

import { itRendersEveryFixture } from "./fixtures";

describe("ServiceNavigation", () => {
  itRendersEveryFixture("service-navigation", ServiceNavigation, { nestedHtml: ["html", "start", "end", "navigationStart", "navigationEnd"] });
});
