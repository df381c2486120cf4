import { defineTemplate, h2, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when the award letter is issued.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("Your award letter is ready", d.reference),
    heading: "Your award letter is ready",
    blocks: [
      p(`Your award letter for ${project(d)} from the ${d.fundName} is ready.`),
      h2("What you need to do"),
      p("Sign in, read the letter and its conditions, and accept the grant online. We cannot pay the grant until you accept it."),
      link("Read and accept your award letter", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
