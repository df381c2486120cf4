import { defineTemplate, h2, inset, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when the panel awards a grant (the award letter follows).",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Your application has been successful", d.reference),
    heading: "Your application has been successful",
    blocks: [
      p(`We are pleased to tell you that the ${d.fundName} will fund ${project(d)} from ${d.organisationName}.`),
      ...(d.feedback ? [inset(d.feedback)] : []),
      h2("What happens next"),
      p("We will send your award letter, with the conditions of the grant and how to accept it, soon."),
    ],
  }),
});
