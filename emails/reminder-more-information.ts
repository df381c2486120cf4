import { defineTemplate, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when a request for more information has not been answered after 7 days.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("We are still waiting for more information about your application", d.reference),
    heading: "We are still waiting for more information",
    blocks: [
      p(`A week ago we asked ${d.organisationName} for more information about ${project(d)}. We cannot go on with it until you send it again.`),
      ...(d.feedback ? [p("We asked:"), inset(d.feedback)] : []),
      link("Update your application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
