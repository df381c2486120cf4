import { defineTemplate, h2, inset, p, withReference } from "./content";
import { SAMPLE_APPLICATION, project, type ApplicationEmailData } from "./application-data";

export default defineTemplate<ApplicationEmailData>({
  description: "Sent to the group when its outline is signposted to other support or funding.",
  sample: SAMPLE_APPLICATION,
  render: (d) => ({
    subject: withReference("Other support for your project", d.reference),
    heading: "Other support for your project",
    blocks: [
      p(
        `The panel has reviewed the outline proposal ${project(d)} from ${d.organisationName}. It is not right for the ${
          d.fundName
        }, but other support or funding may be.`
      ),
      inset(d.feedback ?? ""),
      ...(d.referral ? [h2("Where to go next"), p(`We suggest you contact ${d.referral.to}.`), p(d.referral.reason)] : []),
    ],
  }),
});
