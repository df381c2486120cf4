import { defineTemplate, inset, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, applicationUrl, project, type ApplicationEmailData } from "./application-data";
import { formatLondonDateTime } from "~/domain/shared/time";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group 7 days and again 1 day before the deadline of an application it has not sent yet.",
  sample: SAMPLE_APPLICATION,
  render: (d, ctx) => ({
    subject: withReference(`Your application to the ${d.fundName} has not been sent yet`, d.reference),
    heading: "Your application has not been sent yet",
    blocks: [
      p(`${d.organisationName} has started ${project(d)} for the ${d.fundName}, but has not sent it yet.`),
      ...(d.deadline ? [inset(`Send it by ${formatLondonDateTime(d.deadline)}. Applications cannot be sent after that.`)] : []),
      p("Anyone in your group can finish it. One of the group's admins or its lead contact sends it from “Check your answers”."),
      link("Carry on with your application", applicationUrl(ctx.serviceUrl, d)),
    ],
  }),
});
