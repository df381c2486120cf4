import { defineTemplate, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the fund's administrators when a group accepts its grant.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("Grant accepted", d.reference),
    heading: "Grant accepted",
    blocks: [
      p(`${d.organisationName} has accepted the grant for ${project(d)}.`),
      p("The grant can now be paid."),
      link("Open the application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
