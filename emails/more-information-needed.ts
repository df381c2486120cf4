import { defineTemplate, h2, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when an administrator returns an application for more information.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("We need more information about your application", d.reference),
    heading: "We need more information about your application",
    blocks: [
      p(`We have looked at ${project(d)} from ${d.organisationName} and need more information before we can go on.`),
      inset(d.feedback ?? ""),
      h2("What you need to do"),
      p("Sign in, change your answers and submit the application again. Your application has not been turned down."),
      link("Update your application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
