/**
 * The PDF copy of one application: what the group sent (or has so far), as staff and the group read it.
 * The data is worked out by app/domain/applications/application-copy.ts; this only lays it out.
 */
import { applicationCopyTitle, type ApplicationCopy } from "~/domain/applications/application-copy";
import { COLOURS, CONTENT_WIDTH, renderPdf, type TaggedPdf } from "./pdf";

export function drawApplicationCopy(pdf: TaggedPdf, data: ApplicationCopy): void {
  pdf.paragraph(`${data.serviceName}: copy of an application`, { color: COLOURS.secondary, size: 12, gap: 6 });
  pdf.heading(1, `${data.stage} to the ${data.fundName}`, { keepWith: 0 });
  if (data.title) pdf.paragraph(data.title, { size: 14, gap: 12 });

  pdf.table({
    rowHeaders: true,
    widths: [150, CONTENT_WIDTH - 150],
    rows: [
      ["Fund", data.fundName],
      ["Stage", data.stage],
      ["Reference", data.reference],
      ["Status", data.status],
      ["Submitted", data.submitted ?? "Not yet submitted"],
      ["Group", data.group.name],
      ["Group’s address", data.group.address.join("\n") || "Not given"],
      ["Service", `${data.serviceName}, run by ${data.operatorName}`],
    ],
    gap: 4,
  });

  for (const section of data.sections) {
    pdf.group("Sect", () => {
      pdf.heading(2, section.title);
      for (const q of section.questions) {
        pdf.heading(3, q.label, { keepWith: 16 });
        if (q.lines.length === 0) pdf.paragraph("Not answered", { color: COLOURS.secondary, gap: 8 });
        else if (q.list) pdf.list(q.lines, { gap: 8 });
        else for (const block of paragraphs(q.lines)) pdf.paragraph(block, { gap: 6 });
        pdf.space(2);
      }
    });
  }

  pdf.group("Sect", () => {
    pdf.heading(2, "Documents");
    if (data.documents.length === 0) {
      pdf.paragraph("No documents were uploaded with this application.");
    } else {
      pdf.table({
        head: ["File", "Type", "Size", "Virus check"],
        widths: [CONTENT_WIDTH - 300, 95, 60, 145],
        rows: data.documents.map((d) => [d.question ? `${d.filename}\nFor: ${d.question}` : d.filename, d.type, d.size, d.scan]),
      });
    }
  });

  const made =
    `This copy was made at ${data.madeAt.text} (UK time). It shows the application as it was then. ` +
    `Contact ${data.operatorName} through ${data.serviceName} if anything in it is wrong.`;
  const small = { size: 9.5, color: COLOURS.secondary };
  pdf.space(12).keepTogether(8 + pdf.heightOf(made, CONTENT_WIDTH, small));
  pdf.rule({ gap: 8 });
  pdf.paragraph(made, small);
}

/** Answer lines, blank lines between paragraphs: one paragraph per block, its lines kept as typed. */
function paragraphs(lines: string[]): string[] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === "") blocks.push([]);
    else blocks[blocks.length - 1].push(line);
  }
  return blocks.filter((b) => b.length > 0).map((b) => b.join("\n"));
}

/** One application's copy as PDF bytes, from data in memory (the service and the benchmark call this). */
export function renderApplicationCopy(data: ApplicationCopy): Promise<Buffer> {
  return renderPdf(
    {
      title: applicationCopyTitle(data),
      author: data.operatorName,
      subject: `${data.stage} to the ${data.fundName}`,
      creator: data.serviceName,
      header: { left: `${data.operatorName} · ${data.serviceName}`, right: data.reference },
      footer: `${data.group.name} · copy made at ${data.madeAt.text}`,
      createdAt: new Date(data.madeAt.iso),
    },
    (pdf) => drawApplicationCopy(pdf, data),
  );
}

/** A realistic copy, for previews and the benchmark: Polish, Greek and Cyrillic names, a long answer. */
export const SAMPLE_APPLICATION_COPY: ApplicationCopy = {
  serviceName: "Apply for a community grant",
  operatorName: "Cambridgeshire County Council",
  fundName: "Community Reach Fund",
  stage: "Application",
  reference: "CRF-2026-00042",
  status: "Submitted",
  submitted: "9:30am on 1 December 2026",
  title: "Saturday breakfast club",
  group: { name: "Łódź Polish Community Café", address: ["2 Mill Road", "Cambridge", "CB1 2AD"] },
  sections: [
    {
      title: "About your group",
      questions: [
        { label: "Name of your group", lines: ["Łódź Polish Community Café"], list: false },
        { label: "Name of the main contact for this application", lines: ["Αλέξανδρος Παπαδόπουλος"], list: false },
        { label: "Their phone number", lines: ["01223 000000"], list: false },
        { label: "Your group's address", lines: ["2 Mill Road", "Cambridge", "CB1 2AD"], list: false },
      ],
    },
    {
      title: "Your activity",
      questions: [
        { label: "What is the name of your activity?", lines: ["Saturday breakfast club"], list: false },
        {
          label: "Describe your activity",
          lines: [
            "A free breakfast every Saturday for families from the Mill Road area, with Polish, Ukrainian (Українська громада) and English spoken.",
            "",
            ...Array.from({ length: 8 }, (_, i) => ["", `Paragraph ${i + 2}: volunteers cook, children play, parents meet advisers from the council and the credit union; we measure who comes and what they tell us, and we report back each term.`]).flat(),
          ],
          list: false,
        },
        { label: "When will it start?", lines: ["1 April 2027"], list: false },
      ],
    },
    {
      title: "Your budget",
      questions: [
        { label: "How much are you asking for?", lines: ["£750"], list: false },
        { label: "What will you spend it on?", lines: ["Food, £500", "Volunteer expenses, £250"], list: true },
      ],
    },
  ],
  documents: [{ filename: "constitution.pdf", type: "PDF", size: "245 KB", scan: "Checked: no virus found", question: "Your group's constitution" }],
  madeAt: { iso: "2026-12-02T10:04:00.000Z", text: "10:04am on 2 December 2026" },
};
