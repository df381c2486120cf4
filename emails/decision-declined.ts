import { defineTemplate, inset, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when the panel declines the application, with the feedback.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Your application has not been successful", d.reference),
    heading: "Your application has not been successful",
    blocks: [
      p(`We are sorry to tell you that the ${d.fundName} cannot fund ${project(d)} from ${d.organisationName}.`),
      inset(d.feedback ?? ""),
      p("Your local Community Coordinator can help you find other funding or strengthen a future application."),
    ],
  }),
});
