import { defineTemplate, h2, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when it accepts the grant.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("You have accepted your grant", d.reference),
    heading: "You have accepted your grant",
    blocks: [
      p(`${d.organisationName} has accepted the ${d.fundName} grant for ${project(d)}.`),
      h2("What happens next"),
      p("We will pay the grant into the bank account you gave us. We will tell you when the end-of-grant report is due."),
    ],
  }),
});
