import { defineTemplate, h2, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when its grant moves into monitoring.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Your grant is under way", d.reference),
    heading: "Your grant is under way",
    blocks: [
      p(`Your ${d.fundName} grant for ${project(d)} is now under way.`),
      h2("What you need to do"),
      p("Keep receipts and a note of what the project achieves. At the end of the grant you will send us a short report online."),
    ],
  }),
});
