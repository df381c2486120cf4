import { defineTemplate, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when an application is withdrawn.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Your application has been withdrawn", d.reference),
    heading: "Your application has been withdrawn",
    blocks: [
      p(`${project(d)[0].toUpperCase()}${project(d).slice(1)} from ${d.organisationName} to the ${d.fundName} has been withdrawn.`),
      p("If this is a mistake, contact us. You can start a new application at any time while the fund is open."),
    ],
  }),
});
