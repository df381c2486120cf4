import { defineTemplate, link, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export type AdviceEmailData = ApplicationEmailData & { coordinatorName: string };

export default defineTemplate<AdviceEmailData>({
  description: "Sent to a group's members when their Community Coordinator gives advice on an application.",
  sample: { ...SAMPLE_APPLICATION, coordinatorName: "Tom Barker" },
  render: (d, ctx) => ({
    subject: withReference("Advice from your Community Coordinator", d.reference),
    heading: "Advice from your Community Coordinator",
    blocks: [
      p(`${d.coordinatorName}, your Community Coordinator, has given ${d.organisationName} advice on ${project(d)} for the ${d.fundName}.`),
      p("Read the advice and reply to it in the portal. Only your group and the council's staff can see it."),
      link("Read the advice", `${ctx.serviceUrl}/applications/${d.applicationId}/advice`),
    ],
  }),
});
