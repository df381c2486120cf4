/**
 * Community Coordinators' support, on whichever engine TEST_ENGINE names: the district view (their districts
 * only, with filters), advice on a draft that names the coordinator, tells the group by email and is
 * audited; the group's reply, which tells the coordinator; and nothing outside a coordinator's districts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seeds/index";
import { fromJson } from "~db/json";
import { staffApplicationView } from "~/domain/admin/application-view.server";
import { taskList } from "~/domain/applications/drafts.server";
import { coordinatorApplication, districtView, giveAdvice, groupAdvice, reply, takeOn } from "~/domain/coordinators/coordinators.server";
import { NotAllowed } from "~/domain/staff/staff.server";
import { makeApplication, userId } from "../factories";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;

const people = { fenland: 0, hunts: 0, tom: 0, sam: 0, lena: 0, alex: 0, fundAdmin: 0 };
const apps = { shed: 0, band: 0 };

beforeAll(async () => {
  await seedDemo(db());
  people.fenland = await userId(db(), "coordinator.fenland@council.example.org");
  people.hunts = await userId(db(), "coordinator.huntingdonshire@council.example.org");
  people.tom = await userId(db(), "coordinator@council.example.org");
  people.sam = await userId(db(), "sam@march-shed.example.org");
  people.lena = await userId(db(), "lena@stneots-band.example.org");
  people.alex = await userId(db(), "alex@larder.example.org");
  people.fundAdmin = await userId(db(), "fund.admin@council.example.org");
  const drafts = await db()
    .selectFrom("applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["a.id", "o.name"])
    .where("a.status", "=", "draft")
    .execute();
  apps.shed = drafts.find((d) => d.name === "March Riverside Men's Shed")!.id;
  apps.band = drafts.find((d) => d.name === "St Neots Youth Band")!.id;
});

async function outboxFor(email: string, template: string) {
  return db().selectFrom("outbox").select(["data", "reference"]).where("to_email", "=", email).where("template", "=", template).orderBy("id").execute();
}

describe("the district view", () => {
  it("shows a Fenland coordinator the Fenland drafts, and never Huntingdonshire's", async () => {
    const view = await districtView(db(), people.fenland, new URLSearchParams());
    expect(view.districts.map((d) => d.name)).toEqual(["Fenland"]);
    const names = view.rows.map((r) => r.organisationName);
    expect(names).toContain("March Riverside Men's Shed");
    expect(names).not.toContain("St Neots Youth Band");
    const shed = view.rows.find((r) => r.id === apps.shed)!;
    expect(shed).toMatchObject({ status: "draft", fundName: "Community Reach Fund", districtName: "Fenland", conversation: "none", coordinatorName: null });
  });

  it("filters by district and by status; a district that is not theirs is ignored", async () => {
    const both = await districtView(db(), people.tom, new URLSearchParams({ district: "E07000011" }));
    expect(both.rows.map((r) => r.organisationName)).toContain("St Neots Youth Band");
    expect(both.rows.map((r) => r.organisationName)).not.toContain("March Riverside Men's Shed");
    const submitted = await makeApplication(db(), { group: "Wisbech Riverside Community Larder", fundCode: "CRF", status: "submitted", title: "Submitted larder bid" });
    const onlySent = await districtView(db(), people.fenland, new URLSearchParams({ status: "submitted" }));
    expect(onlySent.rows.map((r) => r.id)).toContain(submitted.id);
    expect(onlySent.rows.map((r) => r.id)).not.toContain(apps.shed);
    const notMine = await districtView(db(), people.fenland, new URLSearchParams({ district: "E07000011", status: "nonsense" }));
    expect(notMine.filter).toEqual({ district: null, status: null });
    expect(notMine.rows.map((r) => r.organisationName)).not.toContain("St Neots Youth Band");
  });

  it("is not there for someone who coordinates nowhere", async () => {
    await expect(districtView(db(), people.sam, new URLSearchParams())).rejects.toBeInstanceOf(NotAllowed);
    await expect(districtView(db(), people.fundAdmin, new URLSearchParams())).rejects.toBeInstanceOf(NotAllowed);
  });
});

describe("advice on a draft", () => {
  it("a Fenland coordinator cannot open or advise a Huntingdonshire draft", async () => {
    await expect(coordinatorApplication(db(), people.fenland, apps.band)).rejects.toBeInstanceOf(NotAllowed);
    await expect(giveAdvice(db(), people.fenland, apps.band, "Hello", null)).rejects.toBeInstanceOf(NotAllowed);
    await expect(takeOn(db(), people.fenland, apps.band, null)).rejects.toBeInstanceOf(NotAllowed);
    await expect(coordinatorApplication(db(), people.fenland, 999_999)).rejects.toBeInstanceOf(NotAllowed);
    const comments = await db().selectFrom("comments").select("id").where("application_id", "=", apps.band).execute();
    expect(comments).toEqual([]);
  });

  it("empty advice is refused with a message and nothing is written", async () => {
    expect(await giveAdvice(db(), people.fenland, apps.shed, "   ", null)).toEqual({ kind: "invalid", errors: { advice: "Enter your advice" } });
    expect(await giveAdvice(db(), people.fenland, apps.shed, "x".repeat(5_001), null)).toMatchObject({ kind: "invalid" });
    expect(await db().selectFrom("comments").select("id").where("application_id", "=", apps.shed).execute()).toEqual([]);
  });

  it("advice names the coordinator on the application, emails the group with a link, and is audited", async () => {
    expect(await giveAdvice(db(), people.fenland, apps.shed, "Get a second quote for the workbench.\nThe panel likes match funding.", "192.0.2.1")).toEqual({ kind: "added" });
    const app = await db().selectFrom("applications").select("coordinator_user_id").where("id", "=", apps.shed).executeTakeFirstOrThrow();
    expect(app.coordinator_user_id).toBe(people.fenland);
    const mail = await outboxFor("sam@march-shed.example.org", "advice-given");
    expect(mail).toHaveLength(1);
    expect(fromJson<{ coordinatorName: string; applicationId: number }>(mail[0].data, { coordinatorName: "", applicationId: 0 })).toMatchObject({ coordinatorName: "Fiona Reed", applicationId: apps.shed });
    const audit = await db().selectFrom("audit_log").select(["event", "actor_user_id"]).where("entity_type", "=", "application").where("entity_id", "=", apps.shed).orderBy("id").execute();
    expect(audit.map((a) => a.event)).toEqual(["application.advice_given", "application.coordinator_named"]);
    expect(audit.every((a) => a.actor_user_id === people.fenland)).toBe(true);

    const page = await coordinatorApplication(db(), people.fenland, apps.shed);
    expect(page).toMatchObject({ coordinatorName: "Fiona Reed", isNamedCoordinator: true, conversation: "advised" });
    expect(page.thread.map((t) => [t.kind, t.who])).toEqual([["advice", "Fiona Reed"]]);
    const row = (await districtView(db(), people.fenland, new URLSearchParams())).rows.find((r) => r.id === apps.shed)!;
    expect(row).toMatchObject({ conversation: "advised", coordinatorName: "Fiona Reed" });
  });

  it("the group sees the advice with its coordinator's name on its task list and advice page", async () => {
    const list = await taskList(db(), people.sam, apps.shed);
    expect(list.support).toEqual({ offer: null, coordinatorName: "Fiona Reed", adviceCount: 1, conversation: "advised" });
    const advice = await groupAdvice(db(), people.sam, apps.shed);
    expect(advice.coordinatorName).toBe("Fiona Reed");
    expect(advice.thread[0].body).toContain("second quote");
    // Another group's member cannot read it.
    await expect(groupAdvice(db(), people.alex, apps.shed)).rejects.toBeInstanceOf(NotAllowed);
    await expect(reply(db(), people.lena, apps.shed, "Not mine", null)).rejects.toBeInstanceOf(NotAllowed);
  });

  it("a group's reply reaches the coordinator by email and on their page; a blank reply is refused", async () => {
    expect(await reply(db(), people.sam, apps.shed, "", null)).toEqual({ kind: "invalid", errors: { reply: "Enter your reply" } });
    expect(await reply(db(), people.sam, apps.shed, "Thanks, we have asked a second supplier.", null)).toEqual({ kind: "added" });
    const mail = await outboxFor("coordinator.fenland@council.example.org", "advice-reply");
    expect(mail).toHaveLength(1);
    expect(fromJson<{ replierName: string }>(mail[0].data, { replierName: "" }).replierName).toBe("Sam Hollis");
    const page = await coordinatorApplication(db(), people.fenland, apps.shed);
    expect(page.conversation).toBe("replied");
    expect(page.thread.map((t) => [t.kind, t.who])).toEqual([["advice", "Fiona Reed"], ["reply", "Sam Hollis"]]);
    const stored = await db().selectFrom("comments").select(["kind", "parent_comment_id"]).where("application_id", "=", apps.shed).orderBy("id").execute();
    expect(stored[1]).toEqual({ kind: "reply", parent_comment_id: page.thread[0].id });
    const audit = await db().selectFrom("audit_log").select("event").where("entity_id", "=", apps.shed).where("event", "=", "application.advice_replied").execute();
    expect(audit).toHaveLength(1);
  });

  it("a group cannot reply before any advice is given", async () => {
    await expect(groupAdvice(db(), people.lena, apps.band)).rejects.toBeInstanceOf(NotAllowed);
    await expect(reply(db(), people.lena, apps.band, "Hello?", null)).rejects.toBeInstanceOf(NotAllowed);
  });

  it("another coordinator of the district can take the group on, and is named from then", async () => {
    await takeOn(db(), people.tom, apps.shed, null);
    expect((await coordinatorApplication(db(), people.tom, apps.shed)).coordinatorName).toBe("Tom Barker");
    expect((await taskList(db(), people.sam, apps.shed)).support.coordinatorName).toBe("Tom Barker");
  });

  it("the staff view names the coordinator and shows the advice once the application is sent; staff notes stay out of the thread", async () => {
    await db().updateTable("applications").set({ status: "submitted", submitted_at: new Date().toISOString(), reference: "CRF-2026-99001" }).where("id", "=", apps.shed).execute();
    const view = await staffApplicationView(db(), people.fundAdmin, apps.shed);
    expect(view.coordinatorName).toBe("Tom Barker");
    expect(view.advice.map((a) => a.kind)).toEqual(["advice", "reply"]);
    expect(view.notes).toEqual([]);
  });
});
