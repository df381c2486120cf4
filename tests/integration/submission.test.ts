/**
 * Sending an application against a real database (SQLite, and PostgreSQL with npm run test:pg): the
 * reference, the receipt to every member and the alert to the fund's administrators, who may send,
 * the declaration, incomplete sections, closed rounds and extensions, the Reach Fund cap at its boundary,
 * double and concurrent submissions, and withdrawing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { seedDemo } from "~db/seeds/index";
import { submitApplication } from "~/domain/applications/submission.server";
import { myApplications, withdrawApplication } from "~/domain/applications/my-applications.server";
import { DraftNotFound } from "~/domain/applications/drafts.server";
import { financialYearOf } from "~/domain/shared/time";
import { makeApplication, makeCompleteDraft, userId } from "../factories";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;

const LARDER = "Wisbech Riverside Community Larder"; // Fenland; Alex is its admin, Jo a member
const TIMEBANK = "Ramsey Timebank"; // Huntingdonshire; Maria is its admin
let alex: number;
let jo: number;
let maria: number;
const fy = financialYearOf(new Date().toISOString());

beforeAll(async () => {
  await seedDemo(db());
  alex = await userId(db(), "alex@larder.example.org");
  jo = await userId(db(), "jo@larder.example.org");
  maria = await userId(db(), "maria@ramsey-timebank.example.org");
});

async function outboxFor(applicationId: number) {
  const rows = await db().selectFrom("outbox").select(["template", "to_email", "reference", "data"]).orderBy("id").execute();
  return rows.filter((r) => fromJson<{ applicationId?: number }>(r.data, {}).applicationId === applicationId);
}

async function statusOf(id: number) {
  return db().selectFrom("applications").select(["status", "reference", "submitted_at"]).where("id", "=", id).executeTakeFirstOrThrow();
}

describe("sending an application", () => {
  it("gives the reference, emails every member a receipt and alerts the fund's administrators", async () => {
    const app = await makeCompleteDraft(db(), { group: LARDER, leadEmail: "jo@larder.example.org", title: "Larder breakfast club" });
    const result = await submitApplication(db(), alex, app.id, { declaration: true }, "203.0.113.9");
    expect(result).toEqual({ kind: "submitted", reference: `CRF-${fy}-00001` });
    const row = await statusOf(app.id);
    expect(row.status).toBe("submitted");
    expect(row.reference).toBe(`CRF-${fy}-00001`);
    expect(row.submitted_at).not.toBeNull();
    const mail = await outboxFor(app.id);
    expect(mail.filter((m) => m.template === "application-received").map((m) => m.to_email).sort()).toEqual(["alex@larder.example.org", "jo@larder.example.org"]);
    expect(mail.filter((m) => m.template === "new-submission").map((m) => m.to_email)).toEqual(["fund.admin@council.example.org"]);
    expect(mail.every((m) => m.reference === `CRF-${fy}-00001`)).toBe(true);
    const audit = await db().selectFrom("audit_log").selectAll().where("entity_id", "=", app.id).where("event", "=", "application.transition").executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: alex, from_state: "draft", to_state: "submitted", ip: "203.0.113.9" });
    expect(fromJson<{ declaration: string }>(audit.data, { declaration: "" }).declaration).toContain("true to the best of my knowledge");
  });

  it("the next one gets the next number, and the Innovation Fund counts on its own", async () => {
    const app = await makeCompleteDraft(db(), { group: TIMEBANK, amountPence: 20_000 });
    expect(await submitApplication(db(), maria, app.id, { declaration: true }, null)).toEqual({ kind: "submitted", reference: `CRF-${fy}-00002` });
  });

  it("a second click, or the form sent again, makes nothing twice", async () => {
    const app = await makeCompleteDraft(db(), { group: TIMEBANK, amountPence: 10_000, title: "Twice" });
    const first = await submitApplication(db(), maria, app.id, { declaration: true }, null);
    expect(first.kind).toBe("submitted");
    const before = (await outboxFor(app.id)).length;
    expect(await submitApplication(db(), maria, app.id, { declaration: true }, null)).toEqual({ kind: "already_submitted" });
    expect((await outboxFor(app.id)).length).toBe(before);
  });

  it("twenty at once make one submission, one reference and one receipt each", async () => {
    const app = await makeCompleteDraft(db(), { group: LARDER, amountPence: 5_000, title: "Twenty clicks" });
    const results = await Promise.all(Array.from({ length: 20 }, () => submitApplication(db(), alex, app.id, { declaration: true }, null)));
    expect(results.filter((r) => r.kind === "submitted")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "already_submitted")).toHaveLength(19);
    const receipts = (await outboxFor(app.id)).filter((m) => m.template === "application-received");
    expect(receipts.map((m) => m.to_email).sort()).toEqual(["alex@larder.example.org", "jo@larder.example.org"]);
    const transitions = await db().selectFrom("audit_log").select("id").where("entity_id", "=", app.id).where("to_state", "=", "submitted").execute();
    expect(transitions).toHaveLength(1);
  });

  it("only the group's admins or the lead contact may send it, after the declaration", async () => {
    const app = await makeCompleteDraft(db(), { group: LARDER, leadEmail: "alex@larder.example.org", amountPence: 5_000, title: "Lead only" });
    expect(await submitApplication(db(), jo, app.id, { declaration: true }, null)).toEqual({ kind: "refused", problem: { kind: "not_lead", leadContactName: "Alex Turner" } });
    expect(await submitApplication(db(), alex, app.id, { declaration: false }, null)).toEqual({ kind: "refused", problem: { kind: "declaration" } });
    await expect(submitApplication(db(), maria, app.id, { declaration: true }, null)).rejects.toBeInstanceOf(DraftNotFound);
    expect((await statusOf(app.id)).status).toBe("draft");
    // A member who started it is its lead contact, and may send it.
    await db().updateTable("applications").set({ lead_contact_user_id: jo }).where("id", "=", app.id).execute();
    expect((await submitApplication(db(), jo, app.id, { declaration: true }, null)).kind).toBe("submitted");
  });

  it("is refused while a required section is incomplete, naming and linking the section", async () => {
    const app = await makeCompleteDraft(db(), { group: TIMEBANK, amountPence: 5_000, title: "Half done" });
    await db().deleteFrom("application_sections").where("application_id", "=", app.id).where("section_key", "in", ["budget", "declarations"]).execute();
    const result = await submitApplication(db(), maria, app.id, { declaration: true }, null);
    expect(result).toEqual({
      kind: "refused",
      problem: {
        kind: "incomplete",
        sections: [
          { title: "Your budget", href: `/applications/${app.id}/budget/amount-requested` },
          { title: "Declarations", href: `/applications/${app.id}/declarations/declarations` },
        ],
      },
    });
  });
});

describe("deadlines", () => {
  it("is refused once the round has closed, unless the group has an extension", async () => {
    const app = await makeCompleteDraft(db(), { group: TIMEBANK, amountPence: 5_000, title: "Late" });
    const round = await db().selectFrom("rounds").select(["id", "closes_at"]).where("id", "=", app.round_id).executeTakeFirstOrThrow();
    const after = new Date(Date.parse(round.closes_at) + 60_000);
    expect(await submitApplication(db(), maria, app.id, { declaration: true }, null, after)).toEqual({
      kind: "refused",
      problem: { kind: "closed", closesAt: round.closes_at, extended: false },
    });
    const org = await db().selectFrom("organisations").select("id").where("name", "=", TIMEBANK).executeTakeFirstOrThrow();
    await db()
      .insertInto("round_extensions")
      .values({ round_id: round.id, organisation_id: org.id, stage: "single", closes_at: new Date(Date.parse(round.closes_at) + 7 * 86_400_000).toISOString(), reason: "Treasurer in hospital", granted_by_user_id: null })
      .execute();
    expect((await submitApplication(db(), maria, app.id, { declaration: true }, null, after)).kind).toBe("submitted");
    // The extension is the group's own: another group in the same round is still refused.
    const other = await makeCompleteDraft(db(), { group: LARDER, amountPence: 5_000, title: "Also late", district: "E07000011" });
    expect((await submitApplication(db(), alex, other.id, { declaration: true }, null, after)).kind).toBe("refused");
  });
});

describe("the Reach Fund cap", () => {
  // Soham Young Carers' Club (East Cambridgeshire) has applied for nothing else.
  const SOHAM = "Soham Young Carers' Club";
  let dev: number;
  beforeAll(async () => {
    dev = await userId(db(), "dev@sohamcarers.example.org");
    await makeApplication(db(), { group: SOHAM, fundCode: "CRF", status: "submitted" }).then((a) =>
      db().updateTable("applications").set({ amount_requested_pence: 60_000 }).where("id", "=", a.id).execute(),
    );
    // Counting nothing: a draft, a withdrawn and a declined application, and one for another district's pot.
    for (const status of ["draft", "withdrawn", "declined"]) {
      const a = await makeApplication(db(), { group: SOHAM, fundCode: "CRF", status });
      await db().updateTable("applications").set({ amount_requested_pence: 90_000 }).where("id", "=", a.id).execute();
    }
    const elsewhere = await makeApplication(db(), { group: SOHAM, fundCode: "CRF", status: "eligible", district: "E07000008" });
    await db().updateTable("applications").set({ amount_requested_pence: 90_000 }).where("id", "=", elsewhere.id).execute();
  });

  it("refuses £1,000.01 in all from one pot in a year, saying how much the group can still ask for", async () => {
    const app = await makeCompleteDraft(db(), { group: SOHAM, amountPence: 40_001, title: "A penny over" });
    const result = await submitApplication(db(), dev, app.id, { declaration: true }, null);
    expect(result).toEqual({
      kind: "refused",
      problem: { kind: "over_cap", remainingPence: 40_000, capPence: 100_000, requestedPence: 40_001, area: "East Cambridgeshire", financialYear: `${fy} to ${fy + 1}`, amountHref: `/applications/${app.id}/budget/amount-requested` },
    });
    expect((await statusOf(app.id)).status).toBe("draft");
  });

  it("allows £1,000 exactly, and then nothing more", async () => {
    const app = await makeCompleteDraft(db(), { group: SOHAM, amountPence: 40_000, title: "Exactly the rest" });
    expect((await submitApplication(db(), dev, app.id, { declaration: true }, null)).kind).toBe("submitted");
    const more = await makeCompleteDraft(db(), { group: SOHAM, amountPence: 100, title: "One pound more" });
    const result = await submitApplication(db(), dev, more.id, { declaration: true }, null);
    expect(result).toMatchObject({ kind: "refused", problem: { kind: "over_cap", remainingPence: 0 } });
  });

  it("two applications sent at once cannot both fit under it", async () => {
    const ruth = await userId(db(), "ruth@hi-neighbours.example.org");
    const group = "Histon and Impington Good Neighbours";
    const a = await makeCompleteDraft(db(), { group, amountPence: 60_000, title: "First" });
    const b = await makeCompleteDraft(db(), { group, amountPence: 60_000, title: "Second" });
    const results = await Promise.all([submitApplication(db(), ruth, a.id, { declaration: true }, null), submitApplication(db(), ruth, b.id, { declaration: true }, null)]);
    expect(results.map((r) => r.kind).sort()).toEqual(["refused", "submitted"]);
  });
});

describe("withdrawing", () => {
  it("the lead withdraws before a decision; the group and the fund's administrators are told", async () => {
    const app = await makeCompleteDraft(db(), { group: LARDER, amountPence: 5_000, title: "Changed our minds" });
    await submitApplication(db(), alex, app.id, { declaration: true }, null);
    expect(await withdrawApplication(db(), jo, app.id, "", null)).toEqual({ kind: "refused", message: "You cannot withdraw this application." });
    expect(await withdrawApplication(db(), alex, app.id, "Our other funder came through", null)).toEqual({ kind: "withdrawn" });
    expect((await statusOf(app.id)).status).toBe("withdrawn");
    const mail = await outboxFor(app.id);
    expect(mail.filter((m) => m.template === "application-withdrawn").length).toBe(2);
    const toAdmins = mail.find((m) => m.template === "application-withdrawn-admin")!;
    expect(fromJson<{ reason: string }>(toAdmins.data, { reason: "" }).reason).toBe("Our other funder came through");
    const mine = (await myApplications(db(), alex)).find((g) => g.group.name === LARDER)!.applications.find((a) => a.id === app.id)!;
    expect(mine).toMatchObject({ status: "withdrawn", canWithdraw: false, canEdit: false, progress: { tag: { text: "Withdrawn" } } });
  });

  it("is refused after a decision", async () => {
    const app = await makeApplication(db(), { group: LARDER, fundCode: "CRF", status: "awarded", leadEmail: "alex@larder.example.org" });
    const result = await withdrawApplication(db(), alex, app.id, "", null);
    expect(result.kind).toBe("refused");
    expect((await statusOf(app.id)).status).toBe("awarded");
  });

  it("another group's application is not found", async () => {
    const app = await makeApplication(db(), { group: LARDER, fundCode: "CRF", status: "submitted" });
    await expect(withdrawApplication(db(), maria, app.id, "", null)).rejects.toBeInstanceOf(DraftNotFound);
  });
});

describe("your applications", () => {
  it("lists each group's applications with a tag, the deadline while there is something to send, and what happens next", async () => {
    const groups = await myApplications(db(), alex);
    expect(groups.map((g) => g.group.name)).toEqual([LARDER, "Łódź Polish Community Café"]);
    const larder = groups[0].applications;
    const draft = larder.find((a) => a.status === "draft" && a.title === "Also late")!;
    expect(draft.reference).toBeNull();
    expect(draft.deadline).not.toBeNull();
    expect(draft.progress.tag.text).toBe("Not sent yet");
    const sent = larder.find((a) => a.title === "Larder breakfast club")!;
    expect(sent).toMatchObject({ reference: `CRF-${fy}-00001`, deadline: null, canEdit: false, canWithdraw: true, progress: { tag: { text: "Submitted" } } });
    expect(sent.progress.next).toMatch(/We will check your application/);
  });
});
