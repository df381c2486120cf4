import { defineTemplate, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the fund's administrators when a group declines its grant.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("Grant declined by the group", d.reference),
    heading: "Grant declined by the group",
    blocks: [
      p(`${d.organisationName} has declined the grant for ${project(d)}.`),
      ...(d.reason ? [inset(d.reason)] : []),
      p("The money is back in the fund's budget."),
      link("Open the application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
