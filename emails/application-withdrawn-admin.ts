import { defineTemplate, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the fund's administrators when a group withdraws an application.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("Application withdrawn", d.reference),
    heading: "Application withdrawn",
    blocks: [
      p(`${d.organisationName} has withdrawn ${project(d)}.`),
      ...(d.reason ? [inset(d.reason)] : []),
      link("Open the application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
