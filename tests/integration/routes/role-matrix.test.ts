/**
 * The role matrix: every route × GET and POST × every kind of person, with the answer each must get.
 * Routes are found by reading app/routes, so a route added without a row here fails this test. Things
 * that belong to others answer 404, exactly as things that do not exist.
 *
 * Then, for every page a person may open, the data its loaders send to the browser is checked against
 * an allow-list of fields: nothing else (no hash, no secret, no other group's members) reaches it.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, DEMO_STAFF } from "~db/seeds/index";
import { createSession } from "~/domain/accounts/sessions.server";
import { startApplication } from "~/domain/applications/drafts.server";
import { startDraft } from "~/domain/forms/editor.server";
import { depsFromEnv, stageUpload, upload } from "~/domain/documents/documents.server";
import { DEFAULT_AUTH_SETTINGS } from "~/domain/accounts/settings";
import { portalCookies } from "~/utils/cookies.server";
import { hmac } from "~/utils/secrets.server";
import { setupServer } from "msw/node";
import { createApp } from "../../../server/app";
import { handlers } from "../../mocks";
import { useTestDb } from "../../setup/test-db";
import { makeApplication } from "../../factories";

// Uploads go to a folder of this test's own (the server reads FILES_DIR on each request).
process.env.FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "grants-matrix-files-"));

const handle = useTestDb();
const db = () => handle().db;
let server: Server;
let base = "";
let build: ServerBuild;
// postcodes.io and the registers, answered as in every test (the portal's own address passes through).
const mocks = setupServer(...handlers);

const ROLES = ["anonymous", "applicantA", "memberA", "applicantB", "coordinatorFenland", "adminReach", "adminInnovation", "serviceAdmin"] as const;
type Role = (typeof ROLES)[number];

interface Who {
  cookie: string;
  csrf: string;
  userId: number | null;
  sessionId: string | null;
}
const people = {} as Record<Role, Who>;
const ids = { groupA: 0, groupB: 0, memberA: 0, invitationA: 0, outbox: 0, staff: 0, appA: 0, docA: 0, fundReach: 0, appReach: 0, appInnovation: 0, roundReach: 0, batch: 0 };
const refs = { reach: "", innovation: "" };

async function userId(email: string) {
  return (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function staffUser(email: string, grant: { role: "coordinator" | "administrator"; district_code?: string; fund_id?: number }) {
  const { id } = await db().insertInto("users").values({ email, full_name: email.split("@")[0], email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
  await db()
    .insertInto("role_grants")
    .values({ user_id: id, role: grant.role, scope: grant.district_code ? "district" : "fund", district_code: grant.district_code ?? null, fund_id: grant.fund_id ?? null, round_id: null, granted_by_user_id: null })
    .execute();
  return id;
}

async function signedIn(uid: number): Promise<Who> {
  const { token, session } = await createSession(db(), { userId: uid, stage: "active", idleMs: 3_600_000, ip: null, userAgent: null }, DEFAULT_AUTH_SETTINGS);
  const cookie = (await portalCookies().session.serialize(token)).split(";")[0];
  return { cookie, csrf: hmac("csrf:session", session.id), userId: uid, sessionId: session.id };
}

async function visitor(): Promise<Who> {
  const res = await fetch(`${base}/sign-in`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  const csrf = /name="csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? "";
  return { cookie, csrf, userId: null, sessionId: null };
}

beforeAll(async () => {
  mocks.listen({ onUnhandledRequest: "bypass" });
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  await seedDemo(db());
  const app = createApp({ build, production: false, trustProxy: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const funds = await db().selectFrom("funds").select(["id", "code"]).execute();
  const fund = (code: string) => funds.find((f) => f.code === code)!.id;
  people.anonymous = await visitor();
  people.applicantA = await signedIn(await userId("alex@larder.example.org"));
  people.memberA = await signedIn(await userId("jo@larder.example.org")); // a member, not an admin, of group A
  people.applicantB = await signedIn(await userId("maria@ramsey-timebank.example.org"));
  people.coordinatorFenland = await signedIn(await staffUser("fenland.coordinator@council.example.org", { role: "coordinator", district_code: "E07000010" }));
  people.adminReach = await signedIn(await staffUser("reach.admin@council.example.org", { role: "administrator", fund_id: fund("CRF") }));
  people.adminInnovation = await signedIn(await staffUser("innovation.admin@council.example.org", { role: "administrator", fund_id: fund("CIF") }));
  people.serviceAdmin = await signedIn(await userId(DEMO_STAFF[0].email));

  const orgs = await db().selectFrom("organisations").select(["id", "name"]).execute();
  ids.groupA = orgs.find((o) => o.name === "Wisbech Riverside Community Larder")!.id; // Fenland; alex is its admin
  ids.groupB = orgs.find((o) => o.name === "Ramsey Timebank")!.id; // Huntingdonshire; maria is its admin
  ids.memberA = (await db().selectFrom("organisation_members as m").innerJoin("users as u", "u.id", "m.user_id").select("m.id").where("u.email", "=", "jo@larder.example.org").executeTakeFirstOrThrow()).id;
  const inv = await db()
    .insertInto("organisation_invitations")
    .values({ organisation_id: ids.groupA, email: "invitee@example.org", role: "member", token_hash: "x".repeat(64), invited_by_user_id: people.applicantA.userId, expires_at: new Date(Date.now() + 86_400_000).toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  ids.invitationA = inv.id;
  ids.outbox = (await db().insertInto("outbox").values({ template: "account-exists", data: JSON.stringify({ name: "Alex" }), to_email: "alex@larder.example.org", message_id: "<matrix@test>" }).returning("id").executeTakeFirstOrThrow()).id;
  ids.staff = await userId("coordinator@council.example.org");
  // A Reach Fund draft of group A's, started by its member Jo (her only group, so the one she acts for).
  const started = await startApplication(db(), people.memberA.userId!, people.memberA.sessionId!, "community-reach-fund", null);
  if (started.kind !== "started") throw new Error(started.kind);
  ids.appA = started.applicationId;
  // A quote uploaded to it by Jo.
  const deps = depsFromEnv();
  const staged = await stageUpload(deps, { name: "quotes", filename: "quote.pdf", body: Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]) });
  const uploaded = await upload(db(), deps, people.memberA.userId!, ids.appA, "budget", "quotes", staged, null);
  if (uploaded.kind !== "uploaded") throw new Error(uploaded.kind);
  ids.docA = uploaded.documentId;
  // Advice from the Fenland coordinator on it, for the group's advice page.
  await db().insertInto("comments").values({ application_id: ids.appA, author_user_id: people.coordinatorFenland.userId, kind: "advice", body: "Get a second quote.", parent_comment_id: null }).execute();
  // Submitted applications, one to each fund, for the fund administrators' screens.
  ids.fundReach = fund("CRF");
  const reach = await makeApplication(db(), { group: "Soham Young Carers' Club", fundCode: "CRF", status: "submitted", title: "Young carers' summer trips" });
  const innovation = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CIF", status: "submitted", title: "Timebank hub" });
  await db().updateTable("applications").set({ submitted_at: new Date().toISOString() }).where("id", "in", [reach.id, innovation.id]).execute();
  ids.appReach = reach.id;
  ids.roundReach = reach.round_id;
  // A decision batch of the Reach Fund's (with nothing in it), for its page.
  ids.batch = (await db().insertInto("decision_batches").values({ fund_id: ids.fundReach, action: "mark_eligible", created_by_user_id: null, started_at: null, finished_at: null, deadline_at: null }).returning("id").executeTakeFirstOrThrow()).id;
  ids.appInnovation = innovation.id;
  refs.reach = reach.reference!;
  refs.innovation = innovation.reference!;
  // A draft of the Reach Fund's form, started by the service administrator, for the form editor's pages.
  const draft = await startDraft(db(), people.serviceAdmin.userId!, ids.fundReach, "single", null);
  if (draft.kind !== "saved") throw new Error(draft.kind);
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  mocks.close();
  fs.rmSync(process.env.FILES_DIR!, { recursive: true, force: true });
  delete process.env.FILES_DIR;
});

// ---------------------------------------------------------------------------------------------------------
// The expected answers. "sign-in": a redirect to /sign-in; "→/x": a redirect to /x; numbers: the status.

type Outcome = number | "sign-in" | `→${string}`;
type Row = Record<Role, Outcome>;
const all = (o: Outcome): Row => Object.fromEntries(ROLES.map((r) => [r, o])) as Row;
const signedIn200: Row = { ...all(200), anonymous: "sign-in" };
const serviceAdminOnly = (ok: Outcome): Row => ({ ...all(404), anonymous: "sign-in", serviceAdmin: ok });
/** Group A's pages: its members, the Fenland coordinator and the service administrator may look. */
const groupAView: Row = { anonymous: "sign-in", applicantA: 200, memberA: 200, applicantB: 404, coordinatorFenland: 200, adminReach: 404, adminInnovation: 404, serviceAdmin: 200 };
const groupAAdminOnly = (ok: Outcome): Row => ({ ...all(404), anonymous: "sign-in", applicantA: ok });
const publicPage = { GET: all(200), POST: all(405) };
/** A Reach Fund page: its administrator gets `reach`, the Innovation Fund's gets `innovation`, a service administrator `reach`. */
const fundAdmins = (reach: Outcome, innovation: Outcome): Row => ({ ...all(404), anonymous: "sign-in", adminReach: reach, adminInnovation: innovation, serviceAdmin: reach });

/** route file → URL (with ids filled in), and the answer for each method and person. */
const MATRIX: Record<string, { url: () => string; GET: Row; POST: Row; body?: Record<string, string> }> = {
  "_index.tsx": { url: () => "/", ...publicPage },
  "accessibility.tsx": { url: () => "/accessibility", ...publicPage },
  "privacy.tsx": { url: () => "/privacy", ...publicPage },
  "cookies.tsx": { url: () => "/cookies", ...publicPage },
  "funds.$slug.tsx": { url: () => "/funds/community-reach-fund", ...publicPage },
  "funds.$slug_.printable-form.$stage.ts": { url: () => "/funds/community-reach-fund/printable-form/application", ...publicPage },
  // Signed in, the sign-in and registration pages send people on to their account (after a POST too).
  "sign-in.tsx": { url: () => "/sign-in", GET: { ...all("→/account"), anonymous: 200 }, POST: { ...all("→/account"), anonymous: 200 } },
  "sign-in_.two-factor.tsx": { url: () => "/sign-in/two-factor", GET: all("sign-in"), POST: all("sign-in") },
  "sign-in_.recovery-code.tsx": { url: () => "/sign-in/recovery-code", GET: all("sign-in"), POST: all("sign-in") },
  "register.tsx": { url: () => "/register", GET: { ...all("→/account"), anonymous: 200 }, POST: { ...all("→/account"), anonymous: 200 } },
  "register_.check-email.tsx": { url: () => "/register/check-email", ...publicPage },
  "verify-email.tsx": { url: () => "/verify-email?token=not-a-real-token-at-all-0000", GET: all(200), POST: all(200) },
  "forgot-password.tsx": { url: () => "/forgot-password", GET: all(200), POST: all(200) },
  "forgot-password_.check-email.tsx": { url: () => "/forgot-password/check-email", ...publicPage },
  "reset-password.tsx": { url: () => "/reset-password?token=not-a-real-token-at-all-0000", GET: all(200), POST: all(200) },
  "account.set-up.tsx": { url: () => "/account/set-up?token=not-a-real-token-at-all-0000", GET: all(200), POST: all(200) },
  "sign-out.tsx": { url: () => "/sign-out", GET: { ...all(200), anonymous: "→/signed-out" }, POST: all("→/signed-out") },
  "signed-out.tsx": { url: () => "/signed-out", ...publicPage },
  "account._index.tsx": { url: () => "/account", GET: signedIn200, POST: all(405) },
  "account.password.tsx": { url: () => "/account/password", GET: signedIn200, POST: signedIn200 },
  "account.two-factor.tsx": { url: () => "/account/two-factor", GET: signedIn200, POST: { ...all(400), anonymous: "sign-in" } },
  "session.keep-alive.tsx": { url: () => "/session/keep-alive", GET: all(404), POST: { ...all(200), anonymous: 401 } },
  "admin.emails._index.tsx": { url: () => "/admin/emails", GET: serviceAdminOnly(200), POST: all(405) },
  "admin.emails.$id.tsx": { url: () => `/admin/emails/${ids.outbox}`, GET: serviceAdminOnly(200), POST: all(405) },
  "admin.staff._index.tsx": { url: () => "/admin/staff", GET: serviceAdminOnly(200), POST: all(405) },
  "admin.staff.new.tsx": { url: () => "/admin/staff/new", GET: serviceAdminOnly(200), POST: serviceAdminOnly(200) },
  "admin.staff.$id.tsx": { url: () => `/admin/staff/${ids.staff}`, GET: serviceAdminOnly(200), POST: serviceAdminOnly(400) },
  "groups._index.tsx": {
    url: () => "/groups",
    GET: signedIn200,
    POST: { ...all(404), anonymous: "sign-in", applicantA: "→/groups", memberA: "→/groups" },
    body: { organisationId: "GROUP_A" },
  },
  "groups.new.tsx": { url: () => "/groups/new", GET: signedIn200, POST: signedIn200 },
  "groups.$id._index.tsx": { url: () => `/groups/${ids.groupA}`, GET: groupAView, POST: all(405) },
  "groups.$id.invite.tsx": { url: () => `/groups/${ids.groupA}/invite`, GET: groupAAdminOnly(200), POST: groupAAdminOnly(200) },
  "groups.$id.members.$memberId.tsx": {
    url: () => `/groups/${ids.groupA}/members/${ids.memberA}`,
    GET: all(404),
    // Looking is not changing: the Fenland coordinator and the service administrator see the group but may not manage it.
    POST: { ...groupAAdminOnly("→/groups/GROUP_A?role=1"), coordinatorFenland: 404, serviceAdmin: 404 },
    body: { intent: "make-member" },
  },
  "groups.$id.invitations.$invitationId.tsx": {
    url: () => `/groups/${ids.groupA}/invitations/${ids.invitationA}`,
    GET: all(404),
    POST: { ...groupAAdminOnly("→/groups/GROUP_A?revoked=1") },
  },
  // Starting an application: for the group the person acts for (Jo and Maria have one group each; Alex,
  // in two, chose group A on the groups page above; staff have none), or the draft that group already has.
  "applications.start.tsx": {
    url: () => "/applications/start",
    GET: all(404),
    POST: { ...all("→/groups?apply=1"), anonymous: "sign-in", applicantA: "→/applications/APP_A", memberA: "→/applications/APP_A", applicantB: "→/applications/*" },
    body: { fund: "community-reach-fund" },
  },
  /** Group A's draft: its members, the Fenland coordinator, the Reach Fund's administrator and the service administrator may look. */
  "applications.$id._index.tsx": { url: () => `/applications/${ids.appA}`, GET: { ...groupAView, adminReach: 200 }, POST: all(405) },
  // Sending: those who may look get the page back with what stops them (here, the missing declaration).
  "applications.$id.check.tsx": { url: () => `/applications/${ids.appA}/check`, GET: { ...groupAView, adminReach: 200 }, POST: { ...groupAView, adminReach: 200 } },
  "applications._index.tsx": { url: () => "/applications", GET: signedIn200, POST: all(405) },
  // A full application starts only from an invited outline: group A's draft is neither, so those who may see it are told so.
  "applications.$id.full.tsx": { url: () => `/applications/${ids.appA}/full`, GET: { ...groupAView, adminReach: 200 }, POST: { ...groupAView, adminReach: 200 } },
  // Likewise a revised outline starts only from an outline the panel advised strengthening.
  "applications.$id.revise.tsx": { url: () => `/applications/${ids.appA}/revise`, GET: { ...groupAView, adminReach: 200 }, POST: { ...groupAView, adminReach: 200 } },
  // Not sent yet: the confirmation sends those who may look back to the application.
  "applications.$id.submitted.tsx": {
    url: () => `/applications/${ids.appA}/submitted`,
    GET: { ...groupAView, applicantA: "→/applications/APP_A", memberA: "→/applications/APP_A", coordinatorFenland: "→/applications/APP_A", serviceAdmin: "→/applications/APP_A", adminReach: "→/applications/APP_A" },
    POST: all(405),
  },
  // A reason too long to keep: refused with a message, so the draft stays for the other cases.
  "applications.$id.withdraw.tsx": {
    url: () => `/applications/${ids.appA}/withdraw`,
    GET: { ...groupAView, adminReach: 200 },
    POST: { ...groupAView, adminReach: 200 },
    body: { reason: "x".repeat(2_001) },
  },
  "funds.$slug_.check._index.tsx": { url: () => "/funds/community-reach-fund/check", GET: all("→/funds/community-reach-fund/check/group_type"), POST: all(405) },
  // No answer chosen: the question comes back with its error.
  "funds.$slug_.check.$question.tsx": { url: () => "/funds/community-reach-fund/check/group_type", GET: all(200), POST: all(200) },
  "funds.$slug_.check.you-can-apply.tsx": {
    url: () => "/funds/community-reach-fund/check/you-can-apply?group_type=charity&in_cambridgeshire=yes&amount=up_to_1000&purpose=community_activity",
    ...publicPage,
  },
  "funds.$slug_.check.you-cannot-apply.tsx": { url: () => "/funds/community-reach-fund/check/you-cannot-apply?group_type=individual", ...publicPage },
  // The PDF copy: whoever may see the application (a resource route: it has no action, so POST is 405).
  "applications.$id.pdf.ts": { url: () => `/applications/${ids.appA}/pdf`, GET: { ...groupAView, adminReach: 200 }, POST: all(405) },
  "applications.$id.$section.$page.tsx": {
    url: () => `/applications/${ids.appA}/activity/project-title`,
    // Only the group's members edit; those who may only look are sent to the application's page.
    GET: { ...groupAView, coordinatorFenland: "→/applications/APP_A", adminReach: "→/applications/APP_A", serviceAdmin: "→/applications/APP_A" },
    // A stale version: a member is told someone saved first (409); nothing is written.
    POST: { ...groupAView, applicantA: 409, memberA: 409, coordinatorFenland: "→/applications/APP_A", adminReach: "→/applications/APP_A", serviceAdmin: "→/applications/APP_A" },
    body: { intent: "continue", version: "-1", project_title: "Written by the matrix" },
  },
  // Downloading a document: whoever may see the application; POST has no action.
  "applications.$id.documents.$documentId.tsx": { url: () => `/applications/${ids.appA}/documents/${ids.docA}`, GET: { ...groupAView, adminReach: 200 }, POST: all(405) },
  "invitations.accept.tsx": { url: () => "/invitations/accept?token=not-a-real-token-at-all-0000", GET: signedIn200, POST: signedIn200 },
  // Fund administrators' screens: each fund's administrators and service administrators; everyone else 404.
  // POSTs with nothing filled in come back with the form's errors (200), having changed nothing.
  "admin.applications._index.tsx": { url: () => "/admin/applications", GET: fundAdmins(200, 200), POST: all(405) },
  "admin.applications.export.tsx": { url: () => "/admin/applications/export?status=submitted", GET: fundAdmins(200, 200), POST: all(405) },
  "admin.applications.$id.tsx": { url: () => `/admin/applications/${ids.appReach}`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404), body: { intent: "note", note: "" } },
  "admin.audit.tsx": { url: () => "/admin/audit", GET: serviceAdminOnly(200), POST: all(405) },
  "admin.funds._index.tsx": { url: () => "/admin/funds", GET: fundAdmins(200, 200), POST: all(405) },
  "admin.funds.new.tsx": { url: () => "/admin/funds/new", GET: serviceAdminOnly(200), POST: serviceAdminOnly(200) },
  "admin.funds.$id._index.tsx": { url: () => `/admin/funds/${ids.fundReach}`, GET: fundAdmins(200, 404), POST: all(405) },
  "admin.funds.$id.edit.tsx": { url: () => `/admin/funds/${ids.fundReach}/edit`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404) },
  "admin.funds.$id.rounds.$roundId.tsx": { url: () => `/admin/funds/${ids.fundReach}/rounds/new`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404) },
  "admin.funds.$id.budgets.tsx": { url: () => `/admin/funds/${ids.fundReach}/budgets`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404) },
  "admin.funds.$id.criteria.$stage.tsx": { url: () => `/admin/funds/${ids.fundReach}/criteria/single`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404) },
  "admin.funds.$id.eligibility.$questionId.tsx": { url: () => `/admin/funds/${ids.fundReach}/eligibility/new`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404) },
  // Screening and deciding: the fund's administrators; a decision form for applications someone may not decide is no page at all.
  "admin.funds.$id.rounds.$roundId_.review.tsx": { url: () => `/admin/funds/${ids.fundReach}/rounds/${ids.roundReach}/review`, GET: fundAdmins(200, 404), POST: all(405) },
  // The form editor: the fund's administrators and service administrators; the Innovation Fund's administrator gets 404 for
  // the Reach Fund's form. POSTs without the draft's version change nothing and say someone else changed it (409).
  "admin.funds.$id.forms.$stage._index.tsx": { url: () => `/admin/funds/${ids.fundReach}/forms/single`, GET: fundAdmins(200, 404), POST: fundAdmins(409, 404) },
  "admin.funds.$id.forms.$stage.questions.$questionId.tsx": { url: () => `/admin/funds/${ids.fundReach}/forms/single/questions/new?section=activity`, GET: fundAdmins(200, 404), POST: fundAdmins(409, 404), body: { section: "activity", type: "text", label: "Written by the matrix", required: "yes" } },
  "admin.funds.$id.forms.$stage.sections.$sectionKey.tsx": { url: () => `/admin/funds/${ids.fundReach}/forms/single/sections/new`, GET: fundAdmins(200, 404), POST: fundAdmins(409, 404), body: { title: "Written by the matrix" } },
  "admin.funds.$id.forms.$stage.preview.tsx": { url: () => `/admin/funds/${ids.fundReach}/forms/single/preview?section=activity&page=project-title`, GET: fundAdmins(200, 404), POST: all(405) },
  "admin.funds.$id.forms.$stage.publish.tsx": { url: () => `/admin/funds/${ids.fundReach}/forms/single/publish`, GET: fundAdmins(200, 404), POST: fundAdmins(409, 404) },
  "admin.funds.$id.feedback.tsx": { url: () => `/admin/funds/${ids.fundReach}/feedback`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404), body: { mark_ineligible: "" } },
  // Posted without the feedback ineligibility needs: the form comes back with its error, nothing decided.
  "admin.decisions.new.tsx": { url: () => `/admin/decisions/new?action=mark_ineligible&id=${ids.appReach}`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404), body: { action: "mark_ineligible", id: "APP_REACH" } },
  "admin.decisions.$id.tsx": { url: () => `/admin/decisions/${ids.batch}`, GET: fundAdmins(200, 404), POST: fundAdmins("→/admin/decisions/BATCH", 404) },
  "admin.applications.$id_.extension.tsx": { url: () => `/admin/applications/${ids.appA}/extension`, GET: fundAdmins(200, 404), POST: fundAdmins(200, 404) },
  // How staff hear of new submissions: any member of staff may look (only administrators have funds to choose for).
  // Community Coordinators: their district view, and a page per application in their districts (group A's
  // draft is in Fenland); no one else, not even a service administrator, has one. Advice left blank comes
  // back with its error.
  "coordinator._index.tsx": { url: () => "/coordinator", GET: { ...all(404), anonymous: "sign-in", coordinatorFenland: 200 }, POST: all(405) },
  "coordinator.applications.$id.tsx": {
    url: () => `/coordinator/applications/${ids.appA}`,
    GET: { ...all(404), anonymous: "sign-in", coordinatorFenland: 200 },
    POST: { ...all(404), anonymous: "sign-in", coordinatorFenland: 200 },
    body: { intent: "advice", advice: "" },
  },
  // The group's side of the advice: its members only; a blank reply comes back with its error.
  "applications.$id.advice.tsx": {
    url: () => `/applications/${ids.appA}/advice`,
    GET: { ...all(404), anonymous: "sign-in", applicantA: 200, memberA: 200 },
    POST: { ...all(404), anonymous: "sign-in", applicantA: 200, memberA: 200 },
    body: { reply: "" },
  },
  // Deprived areas: the threshold and the editions, service administrators only; a blank threshold comes back with its error.
  "admin.deprivation.tsx": { url: () => "/admin/deprivation", GET: serviceAdminOnly(200), POST: serviceAdminOnly(200), body: { intent: "threshold", threshold: "" } },
  "admin.notifications.tsx": {
    url: () => "/admin/notifications",
    GET: { ...all(200), anonymous: "sign-in", applicantA: 404, memberA: 404, applicantB: 404 },
    POST: { ...all("→/admin/notifications?saved=1"), anonymous: "sign-in", applicantA: 404, memberA: 404, applicantB: 404 },
  },
};

const ROUTE_FILES = fs.readdirSync(path.resolve("app/routes")).filter((f) => /\.tsx?$/.test(f));

function fill(text: string) {
  return text.replaceAll("GROUP_A", String(ids.groupA)).replaceAll("APP_A", String(ids.appA)).replaceAll("APP_REACH", String(ids.appReach)).replaceAll("BATCH", String(ids.batch));
}

async function attempt(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, who: Who, body: Record<string, string> = {}) {
  const headers: Record<string, string> = { Cookie: who.cookie };
  if (method !== "GET") {
    headers.Origin = base;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    redirect: "manual",
    body: method !== "GET" ? new URLSearchParams({ csrf: who.csrf, ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fill(v)])) }) : undefined,
  });
  const location = res.headers.get("location");
  if (res.status >= 300 && res.status < 400 && location) {
    const to = new URL(location, base);
    return to.pathname === "/sign-in" && (to.search.includes("returnTo") || method !== "GET" || url.startsWith("/sign-in/") || url.startsWith("/account/two-factor")) ? "sign-in" : `→${to.pathname}${to.search}`;
  }
  return res.status;
}

describe("the role matrix", () => {
  it("has a row for every route in app/routes, and no row for a route that is gone", () => {
    expect(ROUTE_FILES.filter((f) => !(f in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((f) => !ROUTE_FILES.includes(f))).toEqual([]);
  });

  // PUT, PATCH and DELETE reach a route's action just as POST does: they must get POST's answer.
  const cases = Object.entries(MATRIX).flatMap(([file]) => (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).flatMap((method) => ROLES.map((role) => [file, method, role] as const)));

  it.each(cases)("%s %s as %s", async (file, method, role) => {
    const row = MATRIX[file];
    // A change made by one case (a role changed, an invitation cancelled) is put back by the next setup.
    await db().updateTable("organisation_members").set({ role: "member" }).where("id", "=", ids.memberA).execute();
    await db().updateTable("organisation_invitations").set({ revoked_at: null }).where("id", "=", ids.invitationA).execute();
    const expected = row[method === "GET" ? "GET" : "POST"][role];
    // Signing out ends the session it is sent with: use one made for the purpose.
    const who = file === "sign-out.tsx" && method !== "GET" && people[role].userId ? await signedIn(people[role].userId!) : people[role];
    const got = await attempt(method, fill(row.url()), who, row.body);
    if (typeof expected === "string" && expected.endsWith("*")) expect(String(got)).toMatch(new RegExp(`^${fill(expected).slice(0, -1).replace(/[?]/g, "\\?")}\\d+$`));
    else expect(got).toEqual(typeof expected === "string" ? fill(expected) : expected);
  });
});

describe("resources of others answer 404, never 403", () => {
  it("another group's page, an id that does not exist and a malformed id all look the same", async () => {
    for (const url of [`/groups/${ids.groupA}`, "/groups/999999", "/groups/abc", `/groups/${ids.groupA}/invite`, `/groups/${ids.groupB}/members/${ids.memberA}`]) {
      expect(await attempt("GET", url, people.applicantB), url).toBe(404);
    }
    expect(await attempt("POST", `/groups/${ids.groupB}/members/${ids.memberA}`, people.applicantB, { intent: "remove" })).toBe(404); // a member of A through B's group
    expect(await attempt("GET", `/admin/emails/${ids.outbox}`, people.adminReach)).toBe(404);
    expect(await attempt("GET", "/admin/emails/999999", people.serviceAdmin)).toBe(404);
  });
});

describe("a fund's administrators see only their fund's applications", () => {
  async function body(url: string, who: Who) {
    const res = await fetch(`${base}${url}`, { headers: { Cookie: who.cookie } });
    return { status: res.status, text: await res.text() };
  }

  it("the Reach Fund's administrator gets 404 for an Innovation Fund application, and sees none in the list or the export", async () => {
    expect(await attempt("GET", `/admin/applications/${ids.appInnovation}`, people.adminReach)).toBe(404);
    expect(await attempt("GET", `/admin/applications/${ids.appReach}`, people.adminInnovation)).toBe(404);
    const list = await body("/admin/applications", people.adminReach);
    expect(list.text).toContain(refs.reach);
    expect(list.text).not.toContain(refs.innovation);
    // Asking for the other fund by its id in the URL shows nothing either.
    const other = await db().selectFrom("funds").select("id").where("code", "=", "CIF").executeTakeFirstOrThrow();
    expect((await body(`/admin/applications?fund=${other.id}`, people.adminReach)).text).not.toContain(refs.innovation);
    const csv = await body("/admin/applications/export", people.adminReach);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(refs.reach);
    expect(csv.text).not.toContain(refs.innovation);
    const all = await body("/admin/applications/export", people.serviceAdmin);
    expect(all.text).toContain(refs.reach);
    expect(all.text).toContain(refs.innovation);
  });

  it("the list filters on the deprived-area flag and tags flagged rows", async () => {
    await db().updateTable("applications").set({ deprived_area: 1 }).where("id", "=", ids.appReach).execute();
    try {
      const flagged = await body("/admin/applications?deprived=yes", people.adminReach);
      expect(flagged.status).toBe(200);
      expect(flagged.text).toContain(refs.reach);
      expect(flagged.text).toContain("Deprived area</strong>");
      const others = await body("/admin/applications?deprived=no", people.serviceAdmin);
      expect(others.text).not.toContain(refs.reach);
      expect(others.text).toContain(refs.innovation);
    } finally {
      await db().updateTable("applications").set({ deprived_area: 0 }).where("id", "=", ids.appReach).execute();
    }
  });

  it("a draft is not on the staff screens: the group's draft answers 404 in the staff view", async () => {
    expect(await attempt("GET", `/admin/applications/${ids.appA}`, people.adminReach)).toBe(404);
    expect(await attempt("GET", `/admin/applications/${ids.appA}`, people.serviceAdmin)).toBe(404);
  });
});

describe("mass assignment", () => {
  it("a group's creator cannot set its id, identifier, district or their own role by posting them", async () => {
    const before = await db().selectFrom("organisations").select("id").execute();
    const res = await attempt("POST", "/groups/new", people.applicantB, {
      name: "Posted Extras Club",
      orgType: "unincorporated",
      addressLine1: "1 High Street",
      town: "Ramsey",
      postcode: "PE26 1HA",
      id: "1",
      org_identifier: "GB-CHC-0000001",
      orgIdentifier: "GB-CHC-0000001",
      district_code: "E07000008",
      districtCode: "E07000008",
      role: "service_admin",
      organisation_id: String(ids.groupA),
    });
    expect(String(res)).toMatch(/^→\/groups\/\d+\?created=1$/);
    const created = await db().selectFrom("organisations").selectAll().where("name", "=", "Posted Extras Club").executeTakeFirstOrThrow();
    expect(before.some((b) => b.id === created.id)).toBe(false);
    expect(created.org_identifier).toBe(`360G-cambscc-${created.id}`);
    expect(created.district_code).toBe("E07000011"); // from the postcode, not the posted field
    const grants = await db().selectFrom("role_grants").select("id").where("user_id", "=", people.applicantB.userId!).execute();
    expect(grants).toEqual([]);
    const memberships = await db().selectFrom("organisation_members").select(["organisation_id", "role"]).where("user_id", "=", people.applicantB.userId!).execute();
    expect(memberships.some((m) => m.organisation_id === ids.groupA)).toBe(false);
  });

  it("an invitation cannot make someone more than admin, and a role change cannot name another group", async () => {
    const invite = await attempt("POST", `/groups/${ids.groupA}/invite`, people.applicantA, { email: "extra@example.org", role: "service_admin", organisation_id: String(ids.groupB) });
    expect(invite).toBe(200); // re-shown with "Select what they can do"
    const rows = await db().selectFrom("organisation_invitations").select("id").where("email", "=", "extra@example.org").execute();
    expect(rows).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// What loaders send to the browser

/** Every key path in a loader's data, arrays as [] ("group.members[].email"). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => {
      const p = prefix ? `${prefix}.${k}` : k;
      return v && typeof v === "object" ? [p, ...keyPaths(v, p)] : [p];
    });
  }
  return [];
}

const ROOT_FIELDS = [
  "settings", "settings.operatorName", "settings.serviceName", "settings.contactEmail", "settings.contactPhone", "settings.contactAddress", "settings.websiteUrl",
  "csrf", "formErrors", "user", "user.name", "user.sentEmails", "user.staff", "user.groups", "user.applications", "user.funds", "user.auditLog", "user.coordinator", "user.deprivation", "user.acting", "user.acting.id", "user.acting.name", "user.acting.several",
  "session", "session.secondsLeft", "session.idleSeconds",
];

/** Route id → the fields its loader may send. */
const ALLOWED: Record<string, string[]> = {
  "routes/_index": ["funds", ...["code", "id", "maxAwardPence", "minAwardPence", "name", "nextClosing", "openRounds", "slug", "summary", "twoStage", "whoCanApply"].map((k) => `funds[].${k}`)],
  "routes/funds.$slug": [
    "criteria", ...["description", "key", "title", "weightPercent"].map((k) => `criteria[].${k}`),
    "fund", ...["code", "description", "id", "maxAwardPence", "minAwardPence", "name", "nextClosing", "openRounds", "slug", "summary", "twoStage", "whoCanApply"].map((k) => `fund.${k}`),
    "rounds", ...["area", "closesAt", "fullApplicationDeadline", "id", "name", "opensAt", "panelDate", "status"].map((k) => `rounds[].${k}`),
  ],
  "routes/sign-in": ["notice", "returnTo"],
  "routes/register": [],
  // Loaders that only redirect or refuse: they send nothing.
  "routes/sign-in_.two-factor": [],
  "routes/sign-in_.recovery-code": [],
  "routes/session.keep-alive": [],
  "routes/groups.$id.members.$memberId": [],
  "routes/groups.$id.invitations.$invitationId": [],
  "routes/sign-out": [],
  "routes/account.password": [],
  "routes/verify-email": ["kind", "token"],
  "routes/reset-password": ["problem", "token"],
  "routes/account.set-up": ["email", "problem", "token"],
  "routes/account.two-factor": ["codesLeft", "enabled", "settingUp", "setup", "setup.groupedSecret", "setup.qrSvg", "staff"],
  "routes/admin.emails.$id": ["attachments", "attempts", "containsSecret", "createdAt", "id", "lastError", "messageId", "reference", "sentAt", "smtpResponse", "status", "subject", "template", "text", "toEmail", "toName"],
  "routes/admin.staff.new": ["districts", "districts[].code", "districts[].name", "funds", "funds[].id", "funds[].name", "roles", "roles[].hint", "roles[].label", "roles[].value"],
  "routes/admin.staff.$id": [
    "done", "options", "options.districts", "options.districts[].code", "options.districts[].name", "options.funds", "options.funds[].id", "options.funds[].name",
    "options.roles", "options.roles[].hint", "options.roles[].label", "options.roles[].value",
    "staff", ...["accountSetUp", "active", "email", "grants", "grants[].id", "grants[].text", "id", "isMe", "name", "roles", "twoFactorOn"].map((k) => `staff.${k}`),
  ],
  "routes/invitations.accept": ["myEmail", "token", "view", ...["kind", "organisationName", "role", "email", "forThisAccount", "alreadyMember"].map((k) => `view.${k}`)],
  "routes/account._index": ["name", "email", "totpEnabled", "staff", "codesLeft", "notice"],
  "routes/groups._index": ["groups", "groups[].id", "groups[].name", "groups[].role", "groups[].districtName", "actingId"],
  "routes/groups.new": ["orgTypes", "orgTypes[].value", "orgTypes[].label", "districts", "districts[].code", "districts[].name"],
  "routes/groups.$id._index": [
    "group", "group.id", "group.name", "group.orgTypeLabel", "group.charityNumber", "group.companyNumber", "group.orgIdentifier", "group.address", "group.districtName",
    "group.districtChosenByHand", "group.myRole", "group.canManage", "group.members", "group.members[].id", "group.members[].name", "group.members[].email",
    "group.members[].role", "group.members[].isMe", "group.invitations", "group.invitations[].id", "group.invitations[].email", "group.invitations[].role",
    "group.invitations[].expiresAt", "notice", "refused",
  ],
  "routes/groups.$id.invite": ["id", "name"],
  "routes/applications.start": [],
  "routes/applications.$id._index": [
    "id", "title", "reference", "fundName", "organisationName", "stage", "status", "progress", "progress.tag", "progress.tag.text", "progress.tag.classes", "progress.next",
    "editable", "canWithdraw", "nextStep", "nextStep.step", "nextStep.startedId", "member", "message", "message.heading", "message.body", "message.referral", "message.referral.to", "message.referral.reason", "sections", "sections[].key", "sections[].title", "sections[].status", "sections[].firstPage",
    "completedCount", "resume", "resume.section", "resume.page", "saved", "support", "support.offer", "support.offer.districtName", "support.offer.coordinators", "support.offer.coordinators[].name", "support.offer.coordinators[].email", "support.coordinatorName", "support.adviceCount", "support.conversation",
  ],
  "routes/admin.deprivation": [
    "done", "imported", "view", "view.threshold", "view.vintages", "view.vintages[].value", "view.vintages[].label",
    "view.editions", ...["id", "name", "vintage", "vintageLabel", "rows", "current", "importedAt", "importedBy", "source"].map((k) => `view.editions[].${k}`),
  ],
  "routes/coordinator._index": [
    "districts", "districts[].code", "districts[].name", "filter", "filter.district", "filter.status", "filters", "filters[].value", "filters[].label", "more",
    "rows", ...["id", "reference", "title", "stage", "status", "statusLabel", "fundName", "organisationName", "districtName", "lastActivityAt", "conversation", "coordinatorName"].map((k) => `rows[].${k}`),
  ],
  "routes/coordinator.applications.$id": [
    "advised", "takenOn", "application",
    ...["id", "reference", "title", "status", "statusLabel", "fundName", "organisationName", "districtName", "leadContact", "coordinatorName", "isNamedCoordinator", "conversation",
      "sections", "sections[].key", "sections[].title", "sections[].rows", "sections[].rows[].questionId", "sections[].rows[].label", "sections[].rows[].lines",
      "thread", "thread[].id", "thread[].kind", "thread[].at", "thread[].who", "thread[].body"].map((k) => `application.${k}`),
  ],
  "routes/applications.$id.advice": [
    "replied", "advice", ...["id", "reference", "title", "fundName", "organisationName", "coordinatorName", "thread", "thread[].id", "thread[].kind", "thread[].at", "thread[].who", "thread[].body"].map((k) => `advice.${k}`),
  ],
  "routes/applications.$id.check": [
    "applicationId", "title", "fundName", "editable", "complete", "sections", "sections[].key", "sections[].title", "sections[].status", "sections[].rows",
    "sections[].rows[].questionId", "sections[].rows[].label", "sections[].rows[].lines", "sections[].rows[].changeHref",
    "sections[].rows[].files", ...["id", "questionId", "name", "description", "scanState", "scanText", "downloadable", "href"].map((k) => `sections[].rows[].files[].${k}`),
    "submission", ...["canSubmit", "leadContactName", "closesAt", "extended", "closed", "incomplete", "incomplete[].title", "incomplete[].href", "resubmission", "declaration"].map((k) => `submission.${k}`),
  ],
  "routes/applications._index": [
    "groups", "groups[].group", "groups[].group.id", "groups[].group.name", "groups[].applications", "withdrawn",
    ...["id", "reference", "title", "fundName", "stage", "status", "progress", "progress.tag", "progress.tag.text", "progress.tag.classes", "progress.next", "deadline", "submittedAt", "canEdit", "canWithdraw", "nextStep", "nextStep.step", "nextStep.startedId"].map((k) => `groups[].applications[].${k}`),
  ],
  "routes/applications.$id.full": ["outlineId", "reference", "title", "fundName", "organisationName", "existingId", "refusal", "deadline", "step"],
  "routes/applications.$id.revise": ["outlineId", "reference", "title", "fundName", "organisationName", "existingId", "refusal", "deadline", "step"],
  "routes/applications.$id.submitted": ["id", "reference", "title", "fundName", "organisationName", "stage", "offer", "offer.districtName", "offer.coordinators", "offer.coordinators[].name", "offer.coordinators[].email"],
  "routes/applications.$id.withdraw": ["id", "reference", "title", "fundName", "organisationName", "refusal"],
  "routes/funds.$slug_.check._index": [],
  "routes/funds.$slug_.check.$question": [
    "fundName", "number", "of", "value", "back", "question", "question.key", "question.question", "question.hint", "question.options", "question.options[].value", "question.options[].label",
    "question.excluding", "question.ineligibleMessage",
  ],
  "routes/funds.$slug_.check.you-can-apply": ["fundName", "fundSlug", "twoStage", "open", "back", "here"],
  "routes/funds.$slug_.check.you-cannot-apply": ["fundName", "fundSlug", "question", "answer", "message", "change"],
  "routes/applications.$id.$section.$page": [
    // values.*: the person's own answers, by field name.
    "applicationId", "fundName", "section", "section.key", "section.title", "version", "isLastPage", "editable", "values", "values.*", "page", "page.key", "page.title", "page.questions",
    // files.*: the page's file questions' own documents (name, size, virus check, download link).
    "files", "files.*", "fileRules", "notice",
    ...["id", "type", "label", "short", "hint", "required", "bind", "autocomplete", "maxLength", "width", "wordLimit", "min", "max", "suffix", "minPence", "maxPence", "options",
      "options[].value", "options[].label", "options[].hint", "followUp", "followUp.label", "followUp.short", "followUp.hint", "followUp.wordLimit", "followUp.when",
      "columns", "columns[].id", "columns[].label", "columns[].type", "columns[].required", "columns[].options", "columns[].options[].value", "columns[].options[].label",
      "minRows", "maxRows", "addLabel", "maxFiles"].map((k) => `page.questions[].${k}`),
  ],
  "routes/admin.staff._index": ["staff", "staff[].id", "staff[].name", "staff[].email", "staff[].roles", "staff[].active", "staff[].accountSetUp", "staff[].twoFactorOn", "invited"],
  "routes/admin.emails._index": [
    "items", "items[].id", "items[].toEmail", "items[].template", "items[].reference", "items[].status", "items[].attempts", "items[].createdAt", "items[].sentAt",
    "items[].lastError", "nextBefore", "counts", "counts.pending", "counts.sending", "counts.sent", "counts.failed", "status",
  ],
  "routes/admin.applications._index": [
    "filter", ...["fund", "round", "stage", "status", "district", "deprived", "q", "sort"].map((k) => `filter.${k}`),
    "options", "options.funds", "options.funds[].id", "options.funds[].code", "options.funds[].name", "options.rounds", "options.rounds[].id", "options.rounds[].fundId",
    "options.rounds[].name", "options.districts", "options.districts[].code", "options.districts[].name",
    "rows", ...["id", "reference", "stage", "status", "statusLabel", "title", "organisationName", "fundCode", "fundName", "roundName", "districtName", "amountRequestedPence", "submittedAt", "deprived"].map((k) => `rows[].${k}`),
    "count", "totalRequestedPence", "next", "previous", "exportQuery",
  ],
  "routes/admin.applications.$id": [
    "noteAdded", "flagSaved", "application",
    ...["id", "reference", "title", "stage", "status", "statusLabel", "version", "fundName", "roundName", "organisationName", "organisationId", "districtName", "amountRequestedPence",
      "submittedAt", "leadContact", "sections", "sections[].key", "sections[].title", "sections[].rows", "sections[].rows[].questionId", "sections[].rows[].label", "sections[].rows[].lines",
      "documents", "documents[].id", "documents[].filename", "documents[].sizeBytes", "documents[].scanState", "documents[].scanText", "documents[].uploadedAt", "documents[].question",
      "history", "history[].id", "history[].at", "history[].who", "history[].what", "history[].from", "history[].to", "history[].why",
      "deprivation", "deprivation.flagged", "deprivation.decile", "deprivation.edition", "deprivation.lsoaCode", "deprivation.reason", "deprivation.setBy",
      "coordinatorName", "advice", "advice[].id", "advice[].kind", "advice[].at", "advice[].who", "advice[].body",
      "notes", "notes[].id", "notes[].at", "notes[].who", "notes[].body", "actions", "actions[].value", "actions[].label", "canExtend"].map((k) => `application.${k}`),
  ],
  "routes/admin.funds.$id.rounds.$roundId_.review": [
    "all", "review", "review.fund", "review.fund.id", "review.fund.name", "review.fund.twoStage",
    "review.round", ...["id", "name", "closesAt", "fullApplicationDeadline", "panelDate"].map((k) => `review.round.${k}`),
    ...["toScreen", "toDecide", "decided", "stillToSend"].flatMap((list) => [`review.${list}`, ...["id", "reference", "title", "group", "stage", "status", "statusLabel", "amountRequestedPence", "submittedAt", "deadline", "extended"].map((k) => `review.${list}[].${k}`)]),
  ],
  "routes/admin.funds.$id.feedback": ["saved", "view", "view.fund", "view.fund.id", "view.fund.name", "view.fund.twoStage", "view.templates", "view.templates[].action", "view.templates[].label", "view.templates[].body"],
  "routes/admin.decisions.new": [
    "form", ...["action", "label", "needsFeedback", "referral", "deadline", "deadline.default", "fund", "fund.id", "fund.name", "items", "left"].map((k) => `form.${k}`),
    ...["id", "reference", "title", "group", "statusLabel", "feedback"].map((k) => `form.items[].${k}`),
    ...["id", "reference", "group", "why", "canDecide"].map((k) => `form.left[].${k}`),
  ],
  "routes/admin.decisions.$id": [
    "batch", ...["id", "action", "label", "fund", "fund.id", "fund.name", "by", "status", "createdAt", "progress", "progress.done", "progress.skipped", "progress.pending", "items"].map((k) => `batch.${k}`),
    ...["id", "applicationId", "reference", "title", "group", "state", "message", "feedback"].map((k) => `batch.items[].${k}`),
  ],
  "routes/admin.applications.$id_.extension": ["done", "view", ...["id", "reference", "title", "group", "fundName", "status", "deadline", "extended", "fundId", "roundId"].map((k) => `view.${k}`)],
  "routes/admin.notifications": ["saved", "funds", "funds[].fundId", "funds[].fundName", "funds[].newSubmissions"],
  "routes/admin.audit": [
    "filter", "filter.event", "filter.person", "filter.entityType", "filter.entity", "filter.from", "filter.from.day", "filter.from.month", "filter.from.year",
    "filter.to", "filter.to.day", "filter.to.month", "filter.to.year", "errors", "errors.*", "events", "events[].value", "events[].label",
    "entries", ...["id", "at", "who", "event", "what", "entityType", "entityId", "from", "to", "why", "details"].map((k) => `entries[].${k}`), "next", "first",
  ],
  "routes/admin.funds._index": ["canCreate", "funds", ...["id", "code", "name", "status", "twoStage", "openRounds"].map((k) => `funds[].${k}`)],
  "routes/admin.funds.new": [],
  "routes/admin.funds.$id._index": [
    "forms", "forms[].stage", "forms[].stageName", "forms[].publishedVersion", "forms[].draftVersion",
    "done", "fund", ...["id", "code", "name", "slug", "summary", "status", "twoStage", "perDistrict", "minAwardPence", "maxAwardPence", "groupCapPence"].map((k) => `fund.${k}`),
    "criteria", "criteria[].stage", "criteria[].stageName", "criteria[].items", "criteria[].items[].id", "criteria[].items[].title", "criteria[].items[].weightPercent", "criteria[].items[].maxScore",
    "questions", "questions[].id", "questions[].question", "questions[].options", "questions[].excluding",
    "rounds", ...["id", "name", "area", "financialYear", "opensAt", "closesAt", "fullApplicationDeadline", "panelDate", "forms", "applications"].map((k) => `rounds[].${k}`),
    "budgets", ...["id", "financialYear", "area", "areaCode", "amountPence"].map((k) => `budgets[].${k}`),
  ],
  // The form editor: the form's own definition (questions are configuration, not anyone's data).
  "routes/admin.funds.$id.forms.$stage._index": [
    "fund", "fund.id", "fund.name", "stage", "stageName", "published", "published.versionNumber", "published.publishedAt", "draft", "draft.versionNumber", "draft.version", "draft.changedAt",
    "sections", "sections[].key", "sections[].title", "sections[].questions", "sections[].questions[].*", "problems", "problems[].href", "problems[].message", "done", "justPublished",
  ],
  "routes/admin.funds.$id.forms.$stage.questions.$questionId": [
    "fund", "fund.id", "fund.name", "stage", "stageName", "version", "section", "section.key", "section.title", "isNew", "type", "typeName", "types", "types[].value", "types[].text", "types[].hint",
    "values", "values.*", "protectedReason", "questionId", "typeError",
  ],
  "routes/admin.funds.$id.forms.$stage.sections.$sectionKey": ["fund", "fund.id", "fund.name", "stage", "stageName", "version", "isNew", "values", "values.*"],
  "routes/admin.funds.$id.forms.$stage.preview": [
    "fund", "fund.id", "fund.name", "stage", "stageName", "isDraft", "versionNumber", "sections", "sections[].key", "sections[].title", "sections[].firstPage",
    "shown", "shown.section", "shown.section.key", "shown.section.title", "shown.page", "shown.page.*", "shown.fileRules", "shown.previous", "shown.previous.*", "shown.next", "shown.next.*",
  ],
  "routes/admin.funds.$id.forms.$stage.publish": [
    "fund", "fund.id", "fund.name", "stage", "stageName", "draft", "draft.versionNumber", "draft.version", "published", "published.versionNumber", "problems", "problems[].href", "problems[].message",
    "moving", "moving[].*", "keeping", "keeping[].*",
  ],
  // values.*: the form's fields as the person edits them.
  "routes/admin.funds.$id.edit": ["id", "name", "version", "values", "values.*"],
  "routes/admin.funds.$id.rounds.$roundId": ["fund", "fund.id", "fund.name", "fund.twoStage", "fund.perDistrict", "areas", "areas[].code", "areas[].name", "round", "round.id", "round.name", "round.version", "values", "values.*"],
  "routes/admin.funds.$id.budgets": ["fund", "fund.id", "fund.name", "years", "areas", "areas[].code", "areas[].name", "version", "values", "values.*"],
  "routes/admin.funds.$id.criteria.$stage": ["fund", "fund.id", "fund.name", "stage", "stageName", "count", "values", "values.*"],
  "routes/admin.funds.$id.eligibility.$questionId": ["fund", "fund.id", "fund.name", "question", "question.id", "question.version", "values", "values.*"],
};

/**
 * Resource routes answer with a file, not data for the page: what they send is checked by its headers
 * (and its content by their own tests). A route listed here must answer with a Response; no other may.
 */
const RESOURCES: Record<string, Record<string, string>> = {
  "routes/applications.$id.pdf": { "content-type": "application/pdf", "cache-control": "no-store" },
  "routes/funds.$slug_.printable-form.$stage": { "content-type": "application/pdf" },
  // The export of the filtered list, as CSV.
  "routes/admin.applications.export": { "content-type": "text/csv; charset=utf-8" },
  // Jo's quote: its own bytes and type, as an attachment.
  "routes/applications.$id.documents.$documentId": { "content-type": "application/pdf", "cache-control": "no-store" },
};

/**
 * Secrets a page sends on purpose, to the one person they belong to: the token from the link they opened,
 * echoed into the form they submit, and the two-factor key they are setting up their app with.
 */
const INTENDED: Record<string, string[]> = {
  "routes/verify-email": ["token"],
  "routes/reset-password": ["token"],
  "routes/account.set-up": ["token"],
  "routes/invitations.accept": ["token"],
  "routes/account.two-factor": ["setup.groupedSecret"],
  "routes/admin.emails.$id": ["containsSecret"], // a flag saying a one-time link was redacted, not the link
};

/** Names that must never reach a browser, whatever the route. */
const NEVER = /password|secret|hash|token(?!s?Left)|totp_|recovery|session_?id|ip$|user_agent/i;

describe("loader data reaches the browser only through an allow-list", () => {
  /** Every page a person may open (GET answers 200 in the matrix), with its route's loader. */
  const pages = Object.entries(MATRIX).flatMap(([file, row]) =>
    ROLES.filter((role) => row.GET[role] === 200).map((role) => [`routes/${file.replace(/\.tsx?$/, "")}`, row.url, role] as const),
  );

  it("has an allow-list for every route that has a loader", () => {
    const routeIds = Object.keys(build.routes).filter((id) => id.startsWith("routes/") && build.routes[id].module.loader);
    expect(routeIds.filter((id) => !(id in ALLOWED) && !(id in RESOURCES))).toEqual([]);
  });

  it.each(pages)("%s (as %s)", async (routeId, url, role) => {
    const module = build.routes[routeId].module;
    if (!module.loader) return;
    const who = people[role];
    const request = new Request(`${base}${fill(url())}`, { headers: { Cookie: who.cookie } });
    const context = { clientIp: null, requestReference: "TEST-TEST", cspNonce: "", visitorCsrf: null };
    const params = {
      id: String(
        url().startsWith("/admin/funds/") ? ids.fundReach : url().startsWith("/admin/decisions/") ? ids.batch : url().startsWith("/admin/applications/") ? ids.appReach
          : url().includes("/admin/staff/") ? ids.staff : url().includes("/admin/emails/") ? ids.outbox : url().includes("/applications/") ? ids.appA : ids.groupA,
      ),
      roundId: url().endsWith("/review") ? String(ids.roundReach) : "new",
      // A fund's criteria are per stage ("single"); a printable form's address names its stage in words.
      stage: url().includes("/printable-form/") ? "application" : "single",
      questionId: "new",
      sectionKey: "new",
      slug: "community-reach-fund",
      question: "group_type",
      documentId: String(ids.docA),
      section: "activity",
      page: "project-title",
    };
    const rootData = await build.routes.root.module.loader!({ request, context, params });
    const routeData = await module.loader({ request, context, params });
    expect(routeData instanceof Response, `${routeId} answers with a Response exactly when it is a resource route`).toBe(routeId in RESOURCES);
    if (routeData instanceof Response) {
      for (const [name, value] of Object.entries(RESOURCES[routeId])) expect(routeData.headers.get(name)).toBe(value);
      return;
    }
    expect(keyPaths(rootData).filter((k) => !ROOT_FIELDS.includes(k))).toEqual([]);
    const allowed = (k: string) => ALLOWED[routeId].some((a) => a === k || (a.endsWith(".*") && k.startsWith(a.slice(0, -1))));
    expect(keyPaths(routeData).filter((k) => !allowed(k))).toEqual([]);
    const intended = INTENDED[routeId] ?? [];
    expect(keyPaths(routeData).filter((k) => NEVER.test(k.split(".").pop()!) && !intended.includes(k))).toEqual([]);
  });

  it("a coordinator or service administrator looking at a group does not get its members' email addresses", async () => {
    for (const role of ["coordinatorFenland", "serviceAdmin"] as const) {
      const request = new Request(`${base}/groups/${ids.groupA}`, { headers: { Cookie: people[role].cookie } });
      const data = (await build.routes["routes/groups.$id._index"].module.loader!({ request, context: { clientIp: null, requestReference: "T", cspNonce: "", visitorCsrf: null }, params: { id: String(ids.groupA) } })) as { group: { members: unknown[]; invitations: unknown[] } };
      expect(data.group.members).toEqual([]);
      expect(data.group.invitations).toEqual([]);
    }
  });
});
