import { defineTemplate, inset, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when its end-of-grant report is accepted and the grant closes.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Thank you for your end-of-grant report", d.reference),
    heading: "Thank you for your end-of-grant report",
    blocks: [
      p(`We have accepted the end-of-grant report for ${project(d)}. The grant is now closed.`),
      ...(d.feedback ? [inset(d.feedback)] : []),
      p("Thank you for the difference your group has made."),
    ],
  }),
});
