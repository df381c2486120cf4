import { defineTemplate, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";
import { formatLondonDateTime } from "~/domain/shared/time";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when it is given more time to send an application.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("You have more time to send your application", d.reference),
    heading: "You have more time to send your application",
    blocks: [
      p(`We have given ${d.organisationName} more time to send ${project(d)} to the ${d.fundName}.`),
      ...(d.deadline ? [inset(`Your new deadline is ${formatLondonDateTime(d.deadline)}.`)] : []),
      ...(d.feedback ? [p(d.feedback)] : []),
      link("Go to your application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
