/**
 * The deprived-area flag, on whichever engine TEST_ENGINE names: the shipped 2019 indices loaded once; a
 * group in a decile-1 LSOA flagged when it sends its application, with the decile and edition stored; the
 * group's LSOA when postcodes.io cannot be reached; a countywide project not flagged; the threshold; an
 * administrator's own flag with a reason, audited; a newer edition imported (all or nothing) and made
 * current; and the applications list filtered on the flag.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seeds/index";
import { exportApplications, listApplications, listScope } from "~/domain/admin/applications-list.server";
import { staffApplicationView } from "~/domain/admin/application-view.server";
import { parseFilter } from "~/domain/admin/list-filter";
import { submitApplication } from "~/domain/applications/submission.server";
import { taskList } from "~/domain/applications/drafts.server";
import { submittedView } from "~/domain/applications/my-applications.server";
import {
  currentEdition,
  deprivationAtSubmission,
  ensureReferenceEdition,
  importEdition,
  makeEditionCurrent,
  saveThreshold,
  setDeprivedFlag,
  storeDeprivation,
} from "~/domain/deprivation/deprivation.server";
import { NotAllowed } from "~/domain/staff/staff.server";
import type { PostcodeResult } from "~/utils/postcodes.server";
import { handlers } from "../mocks";
import { makeApplication, makeCompleteDraft, userId } from "../factories";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
const mocks = setupServer(...handlers);

const people = { service: 0, fundAdmin: 0, sam: 0, maria: 0 };
const flaggedApp = { id: 0 };

beforeAll(async () => {
  mocks.listen({ onUnhandledRequest: "error" });
  await seedDemo(db());
  people.service = await userId(db(), "service.admin@council.example.org");
  people.fundAdmin = await userId(db(), "fund.admin@council.example.org");
  people.sam = await userId(db(), "sam@march-shed.example.org");
  people.maria = await userId(db(), "maria@ramsey-timebank.example.org");
});
afterAll(() => mocks.close());

const unreachable = async (): Promise<PostcodeResult> => ({ kind: "unavailable", reason: "unreachable" });
const csv = (text: string) => ({ filename: "iod.csv", bytes: Buffer.from(text), tooLarge: false });

describe("the shipped indices", () => {
  it("load once, as the current edition IoD2019 on 2011 LSOAs, with every LSOA in England", async () => {
    expect(await ensureReferenceEdition(db())).toBe(true);
    expect(await ensureReferenceEdition(db())).toBe(false);
    expect(await currentEdition(db())).toMatchObject({ name: "IoD2019", lsoa_vintage: "lsoa11" });
    const rows = await db().selectFrom("deprivation_lsoas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(32_844);
  });
});

describe("at submission", () => {
  it("a group in a decile-1 LSOA is flagged when it sends its application, with the decile and edition stored", async () => {
    const draft = await makeCompleteDraft(db(), { group: "March Riverside Men's Shed", postcode: "PE15 8QD", title: "Shed tools" });
    const result = await submitApplication(db(), people.sam, draft.id, { declaration: true }, null);
    expect(result.kind).toBe("submitted");
    const row = await db().selectFrom("applications").select(["imd_decile", "imd_edition", "imd_lsoa_code", "deprived_area"]).where("id", "=", draft.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ imd_decile: 1, imd_edition: "IoD2019", imd_lsoa_code: "E01018103", deprived_area: 1 });
    flaggedApp.id = draft.id;
    // The group is offered its district's coordinators, on the confirmation and on its application's page.
    expect((await submittedView(db(), people.sam, draft.id))?.offer?.coordinators.map((c) => c.name)).toEqual(["Fiona Reed", "Tom Barker"]);
    const page = await taskList(db(), people.sam, draft.id);
    expect(page.support.offer).toEqual({
      districtName: "Fenland",
      coordinators: [
        { name: "Fiona Reed", email: "coordinator.fenland@council.example.org" },
        { name: "Tom Barker", email: "coordinator@council.example.org" },
      ],
    });
  });

  it("a group in a neighbourhood above the threshold is not flagged and is offered nothing", async () => {
    const draft = await makeCompleteDraft(db(), { group: "Soham Young Carers' Club", postcode: "CB7 5AE", title: "Soham trips" });
    const dev = await userId(db(), "dev@sohamcarers.example.org");
    expect((await submitApplication(db(), dev, draft.id, { declaration: true }, null)).kind).toBe("submitted");
    const row = await db().selectFrom("applications").select(["imd_decile", "imd_edition", "deprived_area"]).where("id", "=", draft.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ imd_decile: 6, imd_edition: "IoD2019", deprived_area: 0 });
    expect((await submittedView(db(), dev, draft.id))?.offer).toBeNull();
  });

  it("uses the project's postcode when the form has one, and the group's LSOA when postcodes.io cannot be reached", async () => {
    // The Men's Shed (decile 1) running its activity in Histon (South Cambridgeshire, decile 7).
    const elsewhere = await makeCompleteDraft(db(), { group: "March Riverside Men's Shed", postcode: "CB24 9LU", title: "Away day" });
    await db().updateTable("applications").set({ project_postcode: "CB24 9LU" }).where("id", "=", elsewhere.id).execute();
    expect(await deprivationAtSubmission(db(), elsewhere.id)).toMatchObject({ decile: 7, lsoaCode: "E01018225", from: "project", flagged: false });
    expect(await deprivationAtSubmission(db(), elsewhere.id, unreachable)).toMatchObject({ decile: 1, lsoaCode: "E01018103", from: "group", flagged: true });
  });

  it("a countywide project is not flagged automatically, whatever its decile", async () => {
    const outline = await makeApplication(db(), { group: "March Riverside Men's Shed", fundCode: "CIF", title: "Sheds across the county" });
    await db().insertInto("application_sections").values({ application_id: outline.id, section_key: "proposal", answers: JSON.stringify({ target_area: "Countywide", project_title: "Sheds" }), completed: 1 }).execute();
    expect(await deprivationAtSubmission(db(), outline.id)).toMatchObject({ decile: 1, countywide: true, flagged: false });
    const noDistrict = await makeApplication(db(), { group: "March Riverside Men's Shed", fundCode: "CIF", title: "No place yet" });
    await db().updateTable("applications").set({ district_code: null }).where("id", "=", noDistrict.id).execute();
    expect(await deprivationAtSubmission(db(), noDistrict.id)).toMatchObject({ countywide: true, flagged: false });
  });

  it("follows the threshold a service administrator sets (Ramsey is in decile 2)", async () => {
    const ramsey = await makeCompleteDraft(db(), { group: "Ramsey Timebank", postcode: "PE26 1HA", title: "Timebank tea" });
    expect(await deprivationAtSubmission(db(), ramsey.id)).toMatchObject({ decile: 2, flagged: true });
    expect(await saveThreshold(db(), people.service, "1", null)).toEqual({ kind: "saved" });
    expect(await deprivationAtSubmission(db(), ramsey.id)).toMatchObject({ decile: 2, flagged: false });
    expect(await saveThreshold(db(), people.service, "11", null)).toEqual({ kind: "invalid", errors: { threshold: "The decile must be a whole number from 1 to 10" } });
    await expect(saveThreshold(db(), people.fundAdmin, "5", null)).rejects.toBeInstanceOf(NotAllowed);
    expect(await saveThreshold(db(), people.service, "3", null)).toEqual({ kind: "saved" });
    const audit = await db().selectFrom("audit_log").select("data").where("event", "=", "deprivation.threshold_changed").orderBy("id").execute();
    expect(audit.map((a) => JSON.parse(String(a.data)))).toEqual([{ from: 3, to: 1 }, { from: 1, to: 3 }]);
  });
});

describe("an administrator's own flag", () => {
  it("needs a reason, is audited with it, and shows on the staff view", async () => {
    expect(await setDeprivedFlag(db(), people.fundAdmin, flaggedApp.id, { flag: "no", reason: " " }, null)).toEqual({ kind: "invalid", errors: { reason: "Enter why you are changing the flag" } });
    expect(await setDeprivedFlag(db(), people.fundAdmin, flaggedApp.id, { flag: "", reason: "x" }, null)).toMatchObject({ kind: "invalid", errors: { flag: "Select whether the project is in a deprived area" } });
    await expect(setDeprivedFlag(db(), people.sam, flaggedApp.id, { flag: "no", reason: "Not us" }, null)).rejects.toBeInstanceOf(NotAllowed);
    expect(await setDeprivedFlag(db(), people.fundAdmin, flaggedApp.id, { flag: "no", reason: "The shed serves the whole town, not one estate." }, "192.0.2.9")).toEqual({ kind: "saved" });
    const audit = await db().selectFrom("audit_log").select(["actor_user_id", "reason", "data"]).where("event", "=", "application.deprived_area_set").where("entity_id", "=", flaggedApp.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: people.fundAdmin, reason: "The shed serves the whole town, not one estate." });
    expect(JSON.parse(String(audit.data))).toEqual({ from: true, to: false });
    const view = await staffApplicationView(db(), people.fundAdmin, flaggedApp.id);
    expect(view.deprivation).toEqual({ flagged: false, decile: 1, edition: "IoD2019", lsoaCode: "E01018103", reason: "The shed serves the whole town, not one estate.", setBy: "Priya Raman" });
    expect(await setDeprivedFlag(db(), people.fundAdmin, flaggedApp.id, { flag: "yes", reason: "Checked again: it is on the estate." }, null)).toEqual({ kind: "saved" });
  });

  it("a flag set by hand while a submission looks up its decile is kept when the submission stores it", async () => {
    // The look-up runs before the submission's transaction (it may call postcodes.io)…
    const found = (await deprivationAtSubmission(db(), flaggedApp.id, unreachable))!;
    expect(found.flagged).toBe(true);
    // …an administrator clears the flag meanwhile…
    expect(await setDeprivedFlag(db(), people.fundAdmin, flaggedApp.id, { flag: "no", reason: "Serves the whole town." }, null)).toEqual({ kind: "saved" });
    // …and the submission, storing what it found, leaves their decision alone.
    await db().transaction().execute((trx) => storeDeprivation(trx, flaggedApp.id, found));
    const row = await db().selectFrom("applications").select(["deprived_area", "imd_decile"]).where("id", "=", flaggedApp.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ deprived_area: 0, imd_decile: 1 });
    expect(await setDeprivedFlag(db(), people.fundAdmin, flaggedApp.id, { flag: "yes", reason: "Checked again: it is on the estate." }, null)).toEqual({ kind: "saved" });
  });

  it("a countywide project can be flagged by hand", async () => {
    const outline = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CIF", status: "submitted", title: "Timebanks countywide" });
    await db().updateTable("applications").set({ submitted_at: new Date().toISOString() }).where("id", "=", outline.id).execute();
    expect(await setDeprivedFlag(db(), people.fundAdmin, outline.id, { flag: "yes", reason: "Works mostly with people from Wisbech and Ramsey estates." }, null)).toEqual({ kind: "saved" });
    expect((await db().selectFrom("applications").select("deprived_area").where("id", "=", outline.id).executeTakeFirstOrThrow()).deprived_area).toBe(1);
  });
});

describe("the applications list", () => {
  it("filters on the flag and shows it on each row", async () => {
    const { scope } = await listScope(db(), people.fundAdmin);
    const plain = await makeApplication(db(), { group: "Soham Young Carers' Club", fundCode: "CRF", status: "submitted", title: "Not flagged" });
    await db().updateTable("applications").set({ submitted_at: new Date().toISOString() }).where("id", "=", plain.id).execute();
    const flagged = await listApplications(db(), scope, parseFilter(new URLSearchParams("deprived=yes")), null);
    expect(flagged.rows.map((r) => r.id)).toContain(flaggedApp.id);
    expect(flagged.rows.map((r) => r.id)).not.toContain(plain.id);
    expect(flagged.rows.every((r) => r.deprived)).toBe(true);
    const not = await listApplications(db(), scope, parseFilter(new URLSearchParams("deprived=no")), null);
    expect(not.rows.map((r) => r.id)).toContain(plain.id);
    expect(not.rows.map((r) => r.id)).not.toContain(flaggedApp.id);
    // The export follows the filter and says so in its own column.
    const text = await new Response(exportApplications(db(), people.fundAdmin, scope, parseFilter(new URLSearchParams("deprived=yes")), null)).text();
    const ref = (await db().selectFrom("applications").select("reference").where("id", "=", flaggedApp.id).executeTakeFirstOrThrow()).reference!;
    expect(text.split("\r\n")[0]).toMatch(/,Deprived area$/);
    expect(text.split("\r\n").find((l) => l.startsWith(ref))).toMatch(/,Yes$/);
    expect(text).not.toContain("Not flagged");
  });
});

describe("importing a newer edition", () => {
  it("refuses a file with problems, naming each line, and imports nothing", async () => {
    const before = await db().selectFrom("deprivation_editions").select("id").execute();
    const result = await importEdition(db(), people.service, { name: "IoD2025", vintage: "lsoa21", file: csv("LSOA code (2021),IMD decile\nE01034001,1\nE01034002,12\n"), makeCurrent: true }, null);
    expect(result).toMatchObject({ kind: "invalid", problems: [{ line: 3, message: "The decile “12” is not a whole number from 1 to 10" }] });
    expect(await db().selectFrom("deprivation_editions").select("id").execute()).toEqual(before);
    expect(await importEdition(db(), people.service, { name: "IoD2019", vintage: "", file: null, makeCurrent: true }, null)).toMatchObject({
      kind: "invalid",
      errors: { name: "There is already an edition called IoD2019", vintage: "Select which LSOAs the file uses", file: "Select a CSV file" },
    });
    await expect(importEdition(db(), people.fundAdmin, { name: "X", vintage: "lsoa21", file: csv("lsoa code,decile\nE01034001,1\n"), makeCurrent: true }, null)).rejects.toBeInstanceOf(NotAllowed);
  });

  it("imports a 2021-LSOA edition (gzipped too) that becomes the current one, used from the next submission", async () => {
    const { gzipSync } = await import("node:zlib");
    const file = { filename: "iod2025.csv.gz", bytes: gzipSync(Buffer.from("lsoa21_code,imd_rank,imd_decile\nE01034001,\"1,234\",4\nE01034002,99,1\n")), tooLarge: false };
    expect(await importEdition(db(), people.service, { name: "IoD2025", vintage: "lsoa21", file, makeCurrent: true }, null)).toEqual({ kind: "imported", name: "IoD2025", rows: 2 });
    expect(await currentEdition(db())).toMatchObject({ name: "IoD2025", lsoa_vintage: "lsoa21" });
    const editions = await db().selectFrom("deprivation_editions").select(["name", "is_current"]).orderBy("id").execute();
    expect(editions).toEqual([{ name: "IoD2019", is_current: 0 }, { name: "IoD2025", is_current: 1 }]);
    const rank = await db().selectFrom("deprivation_lsoas as l").innerJoin("deprivation_editions as e", "e.id", "l.edition_id").select("l.rank").where("e.name", "=", "IoD2025").where("l.lsoa_code", "=", "E01034001").executeTakeFirstOrThrow();
    expect(rank.rank).toBe(1234);
    // A project whose postcode is in the 2021 LSOA E01034002 (decile 1 in the new edition).
    const draft = await makeCompleteDraft(db(), { group: "Histon and Impington Good Neighbours", postcode: "CB24 9LU", title: "New edition" });
    await db().updateTable("applications").set({ project_postcode: "CB24 9LU" }).where("id", "=", draft.id).execute();
    const found = await deprivationAtSubmission(db(), draft.id, async () => ({
      kind: "found", postcode: "CB24 9LU", districtCode: "E07000012", districtName: "South Cambridgeshire", wardCode: "E05011294", wardName: "Histon", lsoaCode: "E01018225", lsoa21Code: "E01034002", country: "England",
    }));
    expect(found).toMatchObject({ edition: "IoD2025", decile: 1, lsoaCode: "E01034002", flagged: true });
    // And back.
    const old = await db().selectFrom("deprivation_editions").select("id").where("name", "=", "IoD2019").executeTakeFirstOrThrow();
    await makeEditionCurrent(db(), people.service, old.id, null);
    expect(await currentEdition(db())).toMatchObject({ name: "IoD2019" });
    const events = await db().selectFrom("audit_log").select("event").where("event", "like", "deprivation.edition%").orderBy("id").execute();
    expect(events.map((e) => e.event)).toEqual(["deprivation.edition_imported", "deprivation.edition_made_current"]);
  });
});
