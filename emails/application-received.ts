import { defineTemplate, h2, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to every member of the group when an application is submitted or resubmitted.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference("We have received your application", d.reference),
    heading: "We have received your application",
    blocks: [
      p(`${d.organisationName} has submitted ${project(d)} to the ${d.fundName}.`),
      d.reference
        ? inset(`Your reference is ${d.reference}. Use it if you contact us.`)
        : p("We will give your application a reference once we have checked it."),
      h2("What happens next"),
      p("We will check your application and tell you by email whether it can go forward. We may ask you for more information first."),
      link("See your application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
