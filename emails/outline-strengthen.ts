import { defineTemplate, h2, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when the panel advises strengthening its outline, with the advice.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("Advice on strengthening your proposal", d.reference),
    heading: "Advice on strengthening your proposal",
    blocks: [
      p(
        `The panel has reviewed the outline proposal ${project(d)} from ${
          d.organisationName
        }. It sees promise in it and suggests how to make it stronger.`
      ),
      inset(d.feedback ?? ""),
      h2("What you can do next"),
      p("You can send a revised outline proposal. Your local Community Coordinator can help you."),
      link("Revise your proposal", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
