import { defineTemplate, h2, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when screening finds the application eligible.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Your application can go forward", d.reference),
    heading: "Your application can go forward",
    blocks: [
      p(`We have checked ${project(d)} from ${d.organisationName} and it meets the ${d.fundName}’s rules.`),
      h2("What happens next"),
      p("A panel will now assess it. We will email you when there is a decision."),
    ],
  }),
});
