import { defineTemplate, link, list, p } from "./content";
import { formatLondonDateTime } from "~/domain/shared/time";

export interface SubmissionsDigestData {
  fundName: string;
  /** Submissions since this time (UTC ISO). */
  since: string;
  items: { applicationId: number; reference: string | null; title: string | null; organisationName: string; stage: string }[];
}

export default defineTemplate<SubmissionsDigestData>({
  description: "Sent once a day to an administrator who chose a digest of new submissions to a fund.",
  sample: {
    fundName: "Community Reach Fund",
    since: "2026-11-29T08:00:00.000Z",
    items: [
      { applicationId: 42, reference: "CRF-2026-00042", title: "Saturday breakfast & homework club", organisationName: "Łódź Polish Community Café", stage: "Application" },
      { applicationId: 43, reference: "CRF-2026-00043", title: "Men's shed tools", organisationName: "Chatteris Men's Shed", stage: "Application" },
    ],
  },
  render: (d, ctx) => ({
    subject: `New submissions to the ${d.fundName}: ${d.items.length}`,
    heading: `New submissions to the ${d.fundName}`,
    blocks: [
      p(`${d.items.length === 1 ? "One application has" : `${d.items.length} applications have`} been sent since ${formatLondonDateTime(d.since)}:`),
      list(...d.items.map((i) => `${i.reference ?? "No reference"}: ${i.title ?? "Untitled"} from ${i.organisationName} (${i.stage.toLowerCase()})`)),
      p("They are waiting to be screened."),
      link("Open the applications list", `${ctx.serviceUrl}/admin/applications`),
    ],
  }),
});
