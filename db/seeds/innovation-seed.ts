/**
 * Writes the Innovation Fund's first quarterly round (db/seeds/innovation-round.ts) into a new database:
 * the 32 groups with a contact each, their outline proposals with references CIF-<year>-00001…00032 in the
 * order they arrived, the nine invited (screened eligible, then invited by the fund's administrator) with
 * their full applications sent, the other 23 waiting; and two demo groups' outlines invited in the round
 * open now, whose full applications are still to start. Each step has its audit entry, as if it had
 * happened through the portal.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { Transaction } from "kysely";
import type { Database } from "../schema";
import { fromJson, toJson } from "../json";
import { carryOver } from "~/domain/forms/carry-over";
import type { FormDefinition } from "~/domain/forms/definition";
import type { Answers } from "~/domain/forms/schema";
import { formatReference } from "~/domain/applications/submission.rules";
import { fileStorage, newStorageKey } from "~/utils/storage.server";
import { insertSeedGroup } from "./groups";
import { INVITED, WAITING, type InvitedProposal, type PaperOutline } from "./innovation-round";

interface Options {
  fundId: number;
  panelRoundId: number;
  currentRoundId: number;
  fundAdministratorId: number;
  ensureUser: (email: string, name: string) => Promise<number>;
  now: string;
}

/** Where the nine invited proposals fall among the 32, by the order the outlines arrived. */
export const INVITED_AT = [2, 5, 7, 11, 14, 18, 21, 26, 30];

/** The two demo groups whose invited outlines wait for a full application (the README's walkthrough). */
export const DEMO_INVITED = [
  {
    group: "Histon and Impington Good Neighbours",
    title: "Good neighbours for every street",
    targetArea: "Histon and Impington",
    objective: "To extend the good neighbour scheme to every street in the two villages, with a volunteer street champion for each.",
    beneficiaries: "Older and disabled residents, and anyone who needs a hand after a stay in hospital.",
    amountPence: 1_850_000,
  },
  {
    group: "Soham Young Carers' Club",
    title: "Young carers' breaks and mentoring",
    targetArea: "Soham and Fordham",
    objective: "To give young carers regular breaks and a trained mentor, so they keep up at school and stay well.",
    beneficiaries: "Young carers aged 8 to 18 and their families.",
    amountPence: 1_240_000,
  },
];

const at = (from: string, to: string, fraction: number) => new Date(Date.parse(from) + (Date.parse(to) - Date.parse(from)) * fraction).toISOString();

function outlineAnswers(o: Pick<PaperOutline, "title" | "targetArea" | "objective" | "beneficiaries" | "summary" | "resilience" | "wellbeing" | "amountPence">, contact: { group: string; name: string; phone: string }) {
  return new Map<string, Answers>([
    ["group", { group_name: contact.group, contact_name: contact.name, contact_phone: contact.phone }],
    ["proposal", { project_title: o.title, target_area: o.targetArea, objective: o.objective, target_beneficiaries: o.beneficiaries, summary: o.summary }],
    ["impact", { resilience: o.resilience, wellbeing: o.wellbeing }],
    ["funding", { amount_requested: o.amountPence }],
  ]);
}

function fullAnswers(p: InvitedProposal): Map<string, Answers> {
  return new Map<string, Answers>([
    ["project_plan", { plan: p.full.plan, milestones: p.full.milestones.map(([milestone, by]) => ({ milestone, by })) }],
    ["budget", { amount_requested: p.amountPence, budget_lines: p.full.budget.map(([item, cost]) => ({ item, cost })) }],
    ["outcomes", { outcomes: p.full.outcomes }],
    ["savings", { savings_plan: p.full.savings.map(([budget, cashable, per_year]) => ({ budget, cashable, per_year })), savings_evidence: p.full.evidence }],
    ["sustainability", { sustainability: p.full.sustainability }],
    ["safeguarding", { safeguarding: { answer: "yes" } }],
    ["declarations", { declarations: ["true", "spend", "savings"] }],
  ]);
}

export async function seedInnovationRound(trx: Transaction<Database>, o: Options): Promise<{ groups: number; outlines: number }> {
  const round = await trx.selectFrom("rounds").selectAll().where("id", "=", o.panelRoundId).executeTakeFirstOrThrow();
  const current = await trx.selectFrom("rounds").selectAll().where("id", "=", o.currentRoundId).executeTakeFirstOrThrow();
  const forms = await trx.selectFrom("form_definitions").select(["id", "definition"]).where("id", "in", [round.outline_form_id!, round.application_form_id!]).execute();
  const outlineForm = fromJson<FormDefinition>(forms.find((f) => f.id === round.outline_form_id)!.definition, { sections: [] });
  const fullForm = fromJson<FormDefinition>(forms.find((f) => f.id === round.application_form_id)!.definition, { sections: [] });

  // Outlines arrived while the round was open; the panel met after it closed; full applications came in
  // before their deadline. Never later than now.
  const arrivedBy = round.closes_at < o.now ? round.closes_at : o.now;
  const reviewedAt = at(arrivedBy, o.now, 0.2);
  const fullBy = round.full_application_deadline && round.full_application_deadline < o.now ? round.full_application_deadline : o.now;

  const order: (PaperOutline | InvitedProposal)[] = [...WAITING];
  INVITED.forEach((p, i) => order.splice(INVITED_AT[i] - 1, 0, p));

  const sections = async (applicationId: number, answers: Map<string, Answers>, at: string) => {
    for (const [key, value] of answers) {
      await trx.insertInto("application_sections").values({ application_id: applicationId, section_key: key, answers: toJson(value), completed: 1, created_at: at, updated_at: at }).execute();
    }
  };
  const audit = (applicationId: number, actor: number | null, from: string | null, to: string, when: string, action: string, extra: Record<string, unknown> = {}) =>
    trx
      .insertInto("audit_log")
      .values({ actor_user_id: actor, event: from ? "application.transition" : "application.started", entity_type: "application", entity_id: applicationId, from_state: from, to_state: to, data: toJson({ action, ...extra }), created_at: when, updated_at: when })
      .execute();

  let sequence = 0;
  for (const [i, p] of order.entries()) {
    const g = p.group;
    const orgId = await insertSeedGroup(trx, g);
    const contactId = await o.ensureUser(g.contact.email, g.contact.name);
    await trx.insertInto("organisation_members").values({ organisation_id: orgId, user_id: contactId, role: "admin" }).execute();

    const reference = formatReference("CIF", round.financial_year, ++sequence);
    const sentAt = at(round.opens_at, arrivedBy, (i + 1) / (order.length + 1));
    const startedAt = at(round.opens_at, sentAt, 0.5);
    const invited = "full" in p;
    const { id: outlineId } = await trx
      .insertInto("applications")
      .values({
        reference,
        fund_id: o.fundId,
        round_id: round.id,
        organisation_id: orgId,
        stage: "outline",
        form_definition_id: round.outline_form_id!,
        status: invited ? "invited" : "submitted",
        lead_contact_user_id: contactId,
        title: p.title,
        amount_requested_pence: p.amountPence,
        district_code: g.district,
        financial_year: round.financial_year,
        submitted_at: sentAt,
        decided_at: invited ? reviewedAt : null,
        deadline_at: invited ? round.full_application_deadline : null,
        created_at: startedAt,
        updated_at: invited ? reviewedAt : sentAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const answers = outlineAnswers(p, { group: g.name, name: g.contact.name, phone: g.contact.phone });
    await sections(outlineId, answers, sentAt);
    await audit(outlineId, contactId, null, "draft", startedAt, "start");
    await audit(outlineId, contactId, "draft", "submitted", sentAt, "submit");
    if (!invited) continue;

    await audit(outlineId, o.fundAdministratorId, "submitted", "eligible", at(sentAt, reviewedAt, 0.5), "mark_eligible");
    await audit(outlineId, o.fundAdministratorId, "eligible", "invited", reviewedAt, "invite", { feedback: "The panel was impressed by the proposal and invites a full application." });
    const fullSentAt = at(reviewedAt, fullBy, 0.5 + i / (order.length * 2));
    const { id: fullId } = await trx
      .insertInto("applications")
      .values({
        reference,
        fund_id: o.fundId,
        round_id: round.id,
        organisation_id: orgId,
        stage: "full",
        parent_application_id: outlineId,
        form_definition_id: round.application_form_id!,
        status: "submitted",
        lead_contact_user_id: contactId,
        title: p.title,
        amount_requested_pence: p.amountPence,
        district_code: g.district,
        financial_year: round.financial_year,
        submitted_at: fullSentAt,
        deadline_at: round.full_application_deadline,
        created_at: at(reviewedAt, fullSentAt, 0.1),
        updated_at: fullSentAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const carried = carryOver(outlineForm, answers, fullForm);
    for (const [key, value] of fullAnswers(p)) carried.set(key, { ...carried.get(key), ...value });
    carried.set("supporting_documents", await documents(trx, fullId, contactId, g.name, fullSentAt));
    await sections(fullId, carried, fullSentAt);
    await audit(fullId, contactId, null, "draft", at(reviewedAt, fullSentAt, 0.1), "start", { outlineId });
    await audit(fullId, contactId, "draft", "submitted", fullSentAt, "submit");
  }

  // Two demo groups invited in the round open now: their full applications are still to start.
  for (const d of DEMO_INVITED) {
    const org = await trx.selectFrom("organisations").select(["id", "name", "district_code"]).where("name", "=", d.group).executeTakeFirstOrThrow();
    const admin = await trx
      .selectFrom("organisation_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id", "u.full_name"])
      .where("m.organisation_id", "=", org.id)
      .where("m.role", "=", "admin")
      .executeTakeFirstOrThrow();
    const reference = formatReference("CIF", current.financial_year, ++sequence);
    const sentAt = at(current.opens_at, o.now, 0.3);
    const decidedAt = at(current.opens_at, o.now, 0.6);
    const { id } = await trx
      .insertInto("applications")
      .values({
        reference,
        fund_id: o.fundId,
        round_id: current.id,
        organisation_id: org.id,
        stage: "outline",
        form_definition_id: current.outline_form_id!,
        status: "invited",
        lead_contact_user_id: admin.id,
        title: d.title,
        amount_requested_pence: d.amountPence,
        district_code: org.district_code,
        financial_year: current.financial_year,
        submitted_at: sentAt,
        decided_at: decidedAt,
        deadline_at: current.full_application_deadline,
        created_at: at(current.opens_at, sentAt, 0.5),
        updated_at: decidedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const summary = `${d.objective.replace(/^To /, "We will ").replace(/\.$/, "")}.`;
    await sections(id, outlineAnswers({ ...d, summary, resilience: "Neighbours will help neighbours, with training and support from us.", wellbeing: "People will be less isolated and better supported at home." }, { group: org.name, name: admin.full_name, phone: "01223 000000" }), sentAt);
    await audit(id, admin.id, "draft", "submitted", sentAt, "submit");
    await audit(id, o.fundAdministratorId, "submitted", "eligible", at(sentAt, decidedAt, 0.5), "mark_eligible");
    await audit(id, o.fundAdministratorId, "eligible", "invited", decidedAt, "invite");
  }

  // Both rounds are of the year being seeded: new submissions carry on from the last number given.
  await trx.insertInto("reference_sequences").values({ fund_id: o.fundId, financial_year: round.financial_year, last_value: sequence }).execute();
  return { groups: order.length, outlines: sequence };
}

/** The documents a full application sends: a small PDF for each, stored as an upload would be. */
async function documents(trx: Transaction<Database>, applicationId: number, uploadedBy: number, group: string, at: string): Promise<Answers> {
  const storage = fileStorage();
  const answers: Answers = {};
  for (const [questionId, title] of [
    ["constitution", "Constitution"],
    ["accounts", "Annual accounts"],
    ["safeguarding_policy", "Safeguarding policy"],
  ] as const) {
    const body = demoPdf(`${group}: ${title}`);
    const key = newStorageKey("documents");
    await storage.put(key, Readable.from([body]));
    const filename = `${title.toLowerCase().replace(/\s+/g, "-")}.pdf`;
    const { id } = await trx
      .insertInto("documents")
      .values({
        application_id: applicationId,
        section_key: "supporting_documents",
        question_id: questionId,
        storage_key: key,
        filename,
        content_type: "application/pdf",
        size_bytes: body.length,
        sha256: createHash("sha256").update(body).digest("hex"),
        scan_state: "not_scanned",
        scan_detail: null,
        scanned_at: null,
        uploaded_by_user_id: uploadedBy,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    answers[questionId] = [{ id, name: filename }];
  }
  return answers;
}

/** A one-page PDF saying what it stands for (demo data: a real group would upload its own). */
function demoPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, "?").replace(/[()\\]/g, "");
  const content = `BT /F1 18 Tf 72 760 Td (${safe}) Tj 0 -28 Td /F1 11 Tf (Demo document seeded with the portal's demo data.) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
