import { defineTemplate, h2, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";
import { formatLondonDateTime } from "~/domain/shared/time";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when its outline proposal is invited to full application.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("You are invited to make a full application", d.reference),
    heading: "You are invited to make a full application",
    blocks: [
      p(
        `The panel has reviewed the outline proposal ${project(d)} from ${
          d.organisationName
        } and invites you to make a full application to the ${d.fundName}.`
      ),
      ...(d.feedback ? [inset(d.feedback)] : []),
      h2("What you need to do"),
      p(
        "Sign in and start your full application. We have copied in your answers from the outline. It will need a plan for how the project saves the council money."
      ),
      ...(d.deadline ? [p(`Send your full application by ${formatLondonDateTime(d.deadline)}.`)] : []),
      link("Start your full application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
