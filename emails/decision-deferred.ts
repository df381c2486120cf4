import { defineTemplate, inset, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when the panel defers its decision.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("The panel has not yet decided on your application", d.reference),
    heading: "The panel has not yet decided on your application",
    blocks: [
      p(`The panel has put off its decision on ${project(d)} from ${d.organisationName} to a later meeting.`),
      inset(d.feedback ?? ""),
      p("You do not need to do anything unless we ask. We will email you when there is a decision."),
    ],
  }),
});
