import { defineTemplate, inset, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when its outline proposal is declined, with the feedback.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Your outline proposal has not been successful", d.reference),
    heading: "Your outline proposal has not been successful",
    blocks: [
      p(`We are sorry to tell you that the panel will not take the outline proposal ${project(d)} from ${d.organisationName} further.`),
      inset(d.feedback ?? ""),
      p("Your local Community Coordinator can help you find other funding."),
    ],
  }),
});
