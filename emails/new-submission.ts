import { defineTemplate, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the fund's administrators when a group submits or resubmits.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference(`New application to the ${d.fundName}`, d.reference),
    heading: `New application to the ${d.fundName}`,
    blocks: [
      p(`${d.organisationName} has submitted ${project(d)}.`),
      p("It is waiting to be screened."),
      link("Open the application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
