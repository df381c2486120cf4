import { defineTemplate, inset, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when screening finds the application ineligible, with the feedback.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Your application cannot go forward", d.reference),
    heading: "Your application cannot go forward",
    blocks: [
      p(`We have checked ${project(d)} from ${d.organisationName}. We are sorry, but it does not meet the ${d.fundName}’s rules.`),
      inset(d.feedback ?? ""),
      p("If you think we have made a mistake, or want advice on other funding, reply using the contact details below."),
    ],
  }),
});
