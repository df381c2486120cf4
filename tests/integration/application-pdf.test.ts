/**
 * PDF copies of applications and the printable blank forms, read back as a person or a checker would:
 * qpdf checks the file, pdfinfo its page size, title and tagging, pdftotext its words (Polish, Greek,
 * Cyrillic and Arabic among them), and qpdf's JSON its catalogue (language, structure tree).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seeds/index";
import { FORMS } from "~db/seeds/forms";
import { toJson } from "~db/json";
import { createSession } from "~/domain/accounts/sessions.server";
import { DEFAULT_AUTH_SETTINGS } from "~/domain/accounts/settings";
import { DraftNotFound } from "~/domain/applications/drafts.server";
import { applicationCopyPdf, blankFormPdf } from "~/domain/applications/application-pdf.server";
import { fundStages, stageSlug } from "~/domain/applications/stages";
import { allQuestions } from "~/domain/forms/definition";
import { portalCookies } from "~/utils/cookies.server";
import { loader as copyLoader } from "~/routes/applications.$id.pdf";
import { renderApplicationCopy, SAMPLE_APPLICATION_COPY } from "~templates/application-copy";
import { renderBlankForm } from "~templates/blank-form";
import type { FormDefinition } from "~/domain/forms/definition";
import { makeApplication, userId } from "../factories";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const GREEK = "Αλέξανδρος Παπαδόπουλος";
const CYRILLIC = "Українська громада Млин-роуд";
const LONG = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: on Saturday mornings volunteers cook breakfast for families from the Mill Road area and talk with them about what else would help.`).join("\n\n");

let app: { id: number; reference: string | null };
let draftId: number;

// ── reading a PDF back ───────────────────────────────────────────────────────────────────────────

let n = 0;
function file(buffer: Buffer): string {
  const p = path.join(dir, `${++n}.pdf`);
  fs.writeFileSync(p, buffer);
  return p;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
/** pdftotext's words, one space between them, without the direction marks it adds around right-to-left lines. */
const textOf = (p: string) => run("pdftotext", ["-enc", "UTF-8", p, "-"]).replace(/[\u200e\u200f\u202a-\u202e]/g, "").replace(/\s+/g, " ");
const infoOf = (p: string) => run("pdfinfo", [p]);
function catalogue(p: string) {
  const json = JSON.parse(run("qpdf", ["--json=2", "--json-key=qpdf", p])) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  const objects = json.qpdf[1];
  const deref = (v: unknown) => (typeof v === "string" && / R$/.test(v) ? objects[`obj:${v}`]?.value : v) as Record<string, unknown>;
  const root = deref(objects.trailer.value!["/Root"]);
  const structTypes = Object.values(objects).map((o) => (o.value as Record<string, unknown> | undefined)?.["/S"]).filter(Boolean);
  return { root, deref, structTypes };
}

beforeAll(async () => {
  await seedDemo(db());
  const kasia = await userId(db(), "kasia@polishcafe.example.org");
  const row = await makeApplication(db(), { group: "Łódź Polish Community Café", fundCode: "CRF", status: "submitted", leadEmail: "kasia@polishcafe.example.org", title: "Saturday breakfast club" });
  await db().updateTable("applications").set({ submitted_at: "2026-12-01T09:30:00.000Z" }).where("id", "=", row.id).execute();
  app = { id: row.id, reference: row.reference };
  const sections: Record<string, Record<string, unknown>> = {
    group: {
      group_name: "Łódź Polish Community Café",
      contact_name: GREEK,
      contact_phone: "01223 000000",
      group_address: { line1: "2 Mill Road", line2: "", town: "Cambridge", postcode: "CB1 2AD" },
      group_bank_account: { answer: "no", details: `Through our partner, ${CYRILLIC}` },
    },
    activity: { project_title: "Saturday breakfast club", project_summary: LONG, start_date: "2027-04-01" },
    beneficiaries: { age_groups: ["0_18", "19_plus"], beneficiary_count: 120 },
    budget: { amount_requested: 75_000, budget_lines: [{ item: "Food", cost: 50_000 }, { item: "Volunteer expenses", cost: 25_000 }] },
    // other_funding and declarations left unanswered.
  };
  for (const [key, answers] of Object.entries(sections)) {
    await db().insertInto("application_sections").values({ application_id: row.id, section_key: key, answers: toJson(answers), updated_by_user_id: kasia }).execute();
  }
  await db()
    .insertInto("documents")
    .values({ application_id: row.id, section_key: "group", question_id: "group_name", storage_key: "k1", filename: "Statut – Łódź.pdf", content_type: "application/pdf", size_bytes: 250_880, sha256: "0".repeat(64), scan_state: "clean" })
    .execute();
  draftId = (await makeApplication(db(), { group: "Łódź Polish Community Café", fundCode: "CRF" })).id;
});

// ── the copy ─────────────────────────────────────────────────────────────────────────────────────

describe("a PDF copy of a submitted application", () => {
  let p = "";
  beforeAll(async () => {
    const kasia = await userId(db(), "kasia@polishcafe.example.org");
    const copy = await applicationCopyPdf(db(), kasia, app.id, new Date("2026-12-02T10:04:00.000Z"));
    expect(copy.filename).toBe(`${app.reference} application.pdf`);
    p = file(copy.buffer);
  });

  it("passes qpdf --check", () => {
    expect(run("qpdf", ["--check", p])).toContain("No syntax or stream encoding errors found");
  });

  it("is A4, titled, tagged, in British English, with its title shown as the window's title", () => {
    const info = infoOf(p);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain(`Title:           Application ${app.reference} – Łódź Polish Community Café`);
    expect(info).toMatch(/Author:\s+Cambridgeshire County Council/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(2); // the long answer runs on
    const { root, deref, structTypes } = catalogue(p);
    expect(root["/Lang"]).toBe("u:en-GB");
    expect(deref(root["/MarkInfo"])["/Marked"]).toBe(true);
    expect(deref(root["/StructTreeRoot"])["/Type"]).toBe("/StructTreeRoot");
    expect(deref(root["/ViewerPreferences"])["/DisplayDocTitle"]).toBe(true);
    expect(structTypes).toEqual(expect.arrayContaining(["/Document", "/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD"]));
  });

  it("reads back: reference, group, names in Polish, Greek and Cyrillic, every section and the answers", () => {
    const text = textOf(p);
    expect(text).toContain(app.reference!);
    expect(text).toContain("Application to the Community Reach Fund");
    expect(text).toContain("Łódź Polish Community Café");
    expect(text).toContain(GREEK);
    expect(text).toContain(CYRILLIC);
    expect(text).toContain("9:30am on 1 December 2026");
    expect(text).toContain("2 Mill Road Cambridge CB1 2AD");
    for (const s of FORMS.find((f) => f.fundCode === "CRF")!.sections) expect(text).toContain(s.title);
    expect(text).toContain("Saturday breakfast club");
    expect(text).toContain("Paragraph 40: on Saturday mornings");
    expect(text).toContain("Food, £500");
    expect(text).toContain("Not answered");
    expect(text).toContain("Statut – Łódź.pdf");
    expect(text).toContain("245 KB");
    expect(text).toContain("Checked: no virus found");
    expect(text).toContain("This copy was made at 10:04am on 2 December 2026");
  });

  it("numbers every page: Page N of M", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(infoOf(p))![1]);
    const text = textOf(p);
    for (let i = 1; i <= pages; i++) expect(text).toContain(`Page ${i} of ${pages}`);
  });
});

describe("who gets a copy", () => {
  it("staff who may see the application get it; another group's member and staff of other districts get 404", async () => {
    for (const email of ["fund.admin@council.example.org", "service.admin@council.example.org", "alex@larder.example.org"]) {
      const copy = await applicationCopyPdf(db(), await userId(db(), email), app.id);
      expect(copy.buffer.subarray(0, 5).toString()).toBe("%PDF-");
    }
    for (const email of ["maria@ramsey-timebank.example.org", "coordinator@council.example.org", "panel.member@council.example.org"]) {
      await expect(applicationCopyPdf(db(), await userId(db(), email), app.id)).rejects.toBeInstanceOf(DraftNotFound);
    }
    await expect(applicationCopyPdf(db(), await userId(db(), "kasia@polishcafe.example.org"), 999_999)).rejects.toBeInstanceOf(DraftNotFound);
  });

  it("the route sends it as a download nobody caches, and answers 404 for another group", async () => {
    const get = async (email: string) => {
      const { token } = await createSession(db(), { userId: await userId(db(), email), stage: "active", idleMs: 3_600_000, ip: null, userAgent: null }, DEFAULT_AUTH_SETTINGS);
      const cookie = (await portalCookies().session.serialize(token)).split(";")[0];
      const request = new Request(`http://localhost/applications/${app.id}/pdf`, { headers: { Cookie: cookie } });
      const context = { clientIp: null, cspNonce: "", visitorCsrf: null, requestReference: "TEST-0000" };
      return copyLoader({ request, context, params: { id: String(app.id) } });
    };
    const res = await get("kasia@polishcafe.example.org");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${app.reference} application.pdf"; filename*=UTF-8''${app.reference}%20application.pdf`);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    await expect(get("maria@ramsey-timebank.example.org")).rejects.toMatchObject({ status: 404 });
  });

  it("a draft says so, and is named as a draft", async () => {
    const copy = await applicationCopyPdf(db(), await userId(db(), "kasia@polishcafe.example.org"), draftId);
    expect(copy.filename).toBe("Draft application.pdf");
    const text = textOf(file(copy.buffer));
    expect(text).toContain("Draft – not yet submitted");
    expect(text).toContain("Not yet submitted");
  });
});

describe("right-to-left names", () => {
  it("an Arabic and an Urdu group name read back in their own order, beside Latin text", async () => {
    const arabic = "مقهى الجالية العربية";
    const urdu = "اردو کمیونٹی گروپ";
    const buffer = await renderApplicationCopy({
      ...SAMPLE_APPLICATION_COPY,
      group: { name: arabic, address: ["1 Mill Road", "Cambridge"] },
      sections: [{ title: "About your group", questions: [{ label: "Name of your group", lines: [urdu], list: false }] }],
    });
    const p = file(buffer);
    expect(run("qpdf", ["--check", p])).toContain("No syntax or stream encoding errors found");
    const lines = run("pdftotext", ["-enc", "UTF-8", p, "-"]).replace(/[\u200e\u200f\u202a-\u202e]/g, "").split("\n").map((l) => l.trim());
    expect(lines).toContain(arabic);
    expect(lines).toContain(urdu);
  });
});

// ── blank forms ──────────────────────────────────────────────────────────────────────────────────

describe("printable blank forms", () => {
  const funds = [
    { slug: "community-reach-fund", code: "CRF", twoStage: false },
    { slug: "communities-innovation-fund", code: "CIF", twoStage: true },
  ];
  const cases = funds.flatMap((f) => fundStages(f.twoStage).map((stage) => [f.slug, stage, f.code] as const));

  it.each(cases)("%s, %s: a valid A4 PDF that asks every question of the form", async (slug, stage, code) => {
    const pdfFile = await blankFormPdf(db(), slug, stageSlug(stage));
    expect(pdfFile).not.toBeNull();
    const p = file(pdfFile!.buffer);
    expect(run("qpdf", ["--check", p])).toContain("No syntax or stream encoding errors found");
    const info = infoOf(p);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const text = textOf(p);
    const form = FORMS.find((f) => f.fundCode === code && f.stage === stage)!;
    for (const { question } of allQuestions(form)) expect(text).toContain(question.label);
    for (const section of form.sections) expect(text).toContain(section.title);
    expect(text).toContain("community.grants@council.example.org");
    expect(text).toContain("Huntingdon PE28 4YE");
    expect(text).toContain("Page 1 of");
  });

  it("shows word limits, tick boxes' options and rows to fill in, from the definition", async () => {
    const text = textOf(file((await blankFormPdf(db(), "community-reach-fund", "application"))!.buffer));
    expect(text).toContain("Up to 250 words.");
    expect(text).toContain("Adults (19 and over)");
    expect(text).toContain("If you ticked No: How will you receive the grant?");
    expect(text).toContain("Cost (£)");
    expect(text).toContain("Status: write Secured, Applied for or Planning to apply.");
    expect(text).toContain("Day Month Year");
  });

  it("prints every type of question the engine knows, file questions as \"Attach a copy of …\"", async () => {
    const form: FormDefinition = {
      sections: [
        {
          key: "all",
          title: "Every kind of question",
          pages: [
            { key: "a", questions: [
              { id: "t", type: "text", label: "A short answer", width: "10" },
              { id: "n", type: "number", label: "How many volunteers?", suffix: "volunteers", min: 1, max: 500, required: true },
              { id: "m", type: "money", label: "How much?", required: true },
              { id: "s", type: "select", label: "Which ward?", options: [{ value: "a", label: "Abbey" }, { value: "b", label: "Romsey" }] },
              { id: "r", type: "radios", label: "How often?", options: [{ value: "w", label: "Weekly", hint: "Every week of the year" }, { value: "m", label: "Monthly" }] },
              { id: "p", type: "postcode", label: "Postcode of the venue" },
              { id: "y", type: "yes_no", label: "Is the venue accessible?", followUp: { label: "What will you change?", when: "no" } },
              { id: "f", type: "file", label: "Your group's constitution", short: "your group's constitution", required: true },
            ] },
          ],
        },
      ],
    };
    const buffer = await renderBlankForm({ serviceName: "S", operatorName: "Op", contact: { email: "a@example.org", phone: null, address: null }, applyOnlineUrl: null, fundName: "Test Fund", stage: "Application", form });
    const p = file(buffer);
    expect(run("qpdf", ["--check", p])).toContain("No syntax or stream encoding errors found");
    const text = textOf(p);
    for (const { question } of allQuestions(form)) expect(text).toContain(question.label);
    expect(text).toContain("A short answer (optional)");
    expect(text).toContain("A whole number from 1 to 500.");
    expect(text).toContain("volunteers");
    expect(text).toContain("£");
    expect(text).toContain("Romsey");
    expect(text).toContain("Every week of the year");
    expect(text).toContain("If you ticked No: What will you change?");
    expect(text).toContain("Attach a copy of your group's constitution to this form.");
    expect(text).toContain("I have attached it");
    expect(text).not.toContain("By post"); // no address on record: only email is offered
  });

  it("is null (404) for an unknown fund, an unknown stage or a stage the fund does not have", async () => {
    expect(await blankFormPdf(db(), "no-such-fund", "application")).toBeNull();
    expect(await blankFormPdf(db(), "community-reach-fund", "outline-proposal")).toBeNull();
    expect(await blankFormPdf(db(), "communities-innovation-fund", "application")).toBeNull();
    expect(await blankFormPdf(db(), "community-reach-fund", "single")).toBeNull();
  });

  it("uses the form an open round pins, not a newer draft or unpinned version", async () => {
    const fund = await db().selectFrom("funds").select("id").where("slug", "=", "community-reach-fund").executeTakeFirstOrThrow();
    await db()
      .insertInto("form_definitions")
      .values({ fund_id: fund.id, stage: "single", version_number: 2, title: "Later", definition: toJson({ sections: [{ key: "x", title: "A section only in version 2", pages: [] }] }), published_at: new Date().toISOString() })
      .execute();
    const text = textOf(file((await blankFormPdf(db(), "community-reach-fund", "application"))!.buffer));
    expect(text).not.toContain("A section only in version 2");
    expect(text).toContain("About your group");
  });
});
