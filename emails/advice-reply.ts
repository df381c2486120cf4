import { defineTemplate, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export type AdviceReplyEmailData = ApplicationEmailData & { replierName: string };

export default defineTemplate<AdviceReplyEmailData>({
  description: "Sent to a Community Coordinator when a group replies to their advice.",
  sample: { ...SAMPLE_APPLICATION, replierName: "Katarzyna Nowak" },
  render: (d, ctx) => ({
    subject: withReference(`${d.organisationName} replied to your advice`, d.reference),
    heading: "A group replied to your advice",
    blocks: [
      p(`${d.replierName} of ${d.organisationName} replied to your advice on ${project(d)} for the ${d.fundName}.`),
      link("Read the reply", `${ctx.serviceUrl}/coordinator/applications/${d.applicationId}`),
    ],
  }),
});
