/**
 * Uploads against a real database and the real Remix build over HTTP: what a group member, another group
 * and staff notice, and what an operator finds in the storage folder (nothing left by a refused, oversized
 * or interrupted upload). Scanning against a fake clamd. On SQLite and PostgreSQL alike.
 */
import fs from "node:fs";
import type { Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson, toJson } from "~db/json";
import { seedDemo } from "~db/seeds/index";
import { createSession } from "~/domain/accounts/sessions.server";
import { DEFAULT_AUTH_SETTINGS } from "~/domain/accounts/settings";
import * as drafts from "~/domain/applications/drafts.server";
import * as documents from "~/domain/documents/documents.server";
import { listApplicationDocuments } from "~/domain/documents/documents.queries.server";
import { LocalDiskStorage } from "~/utils/storage.server";
import { clamavScanner } from "~/utils/virus-scan.server";
import { portalCookies } from "~/utils/cookies.server";
import { hmac } from "~/utils/secrets.server";
import { createApp } from "../../server/app";
import { useTestDb } from "../setup/test-db";
import { EICAR, docx, html, jpg, pdf, png, startFakeClamd, xlsx, type FakeClamd } from "../support/files";

// Every upload in this file lands in a folder of its own; 1 MB keeps the oversized cases quick.
const FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "grants-files-"));
const saved = { FILES_DIR: process.env.FILES_DIR, UPLOAD_MAX_BYTES: process.env.UPLOAD_MAX_BYTES, CLAMAV_SOCKET: process.env.CLAMAV_SOCKET, CLAMAV_HOST: process.env.CLAMAV_HOST };
process.env.FILES_DIR = FILES_DIR;
process.env.UPLOAD_MAX_BYTES = String(1024 * 1024);
delete process.env.CLAMAV_SOCKET;
delete process.env.CLAMAV_HOST;

const handle = useTestDb();
const db = () => handle().db;
let server: Server;
let base = "";
let port = 0;

interface Who {
  userId: number;
  cookie: string;
  csrf: string;
  sessionId: string;
}
const people = {} as Record<"member" | "otherGroup" | "coordinatorFenland" | "adminReach" | "adminInnovation", Who>;
let appId = 0;
let pageUrl = "";

async function signedIn(userId: number): Promise<Who> {
  const { token, session } = await createSession(db(), { userId, stage: "active", idleMs: 3_600_000, ip: null, userAgent: null }, DEFAULT_AUTH_SETTINGS);
  return { userId, cookie: (await portalCookies().session.serialize(token)).split(";")[0], csrf: hmac("csrf:session", session.id), sessionId: session.id };
}

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

/** Every file under the storage folder, relative to it (temporary files included). */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(FILES_DIR, p));
    }
  };
  if (fs.existsSync(FILES_DIR)) walk(FILES_DIR);
  return out.sort();
}

async function documentRows() {
  return db().selectFrom("documents").select(["id", "filename", "storage_key", "content_type", "scan_state", "size_bytes", "sha256"]).where("application_id", "=", appId).orderBy("id").execute();
}

async function quotesAnswer(id = appId) {
  const row = await db().selectFrom("application_sections").select(["answers", "version"]).where("application_id", "=", id).where("section_key", "=", "budget").executeTakeFirst();
  return { files: fromJson<Record<string, unknown>>(row?.answers, {}).quotes, version: row?.version ?? 0 };
}

/** What the storage folder and the table hold now must match: one stored file per row, no temporary ones. */
async function expectNothingLeftBehind() {
  const rows = await documentRows();
  // An infected file's bytes are deleted at once; its row stays.
  const all = await db().selectFrom("documents").select("storage_key").where("scan_state", "!=", "infected").execute();
  const files = storedFiles();
  expect(files.filter((f) => f.startsWith(".tmp"))).toEqual([]);
  expect(files.length).toBe(all.length);
  for (const r of rows.filter((x) => x.scan_state !== "infected")) expect(files.some((f) => f.endsWith(path.basename(r.storage_key)))).toBe(true);
}

/** Sends the question page's form as a browser does: csrf, version, the file, then the button pressed. */
async function send(who: Who, intent: string, file?: { name: string; data: Buffer; type?: string }, url = pageUrl) {
  const form = new FormData();
  form.append("csrf", who.csrf);
  form.append("version", String((await quotesAnswer()).version));
  form.append("quotes", new Blob([new Uint8Array(file?.data ?? Buffer.alloc(0))], { type: file?.type ?? "application/octet-stream" }), file?.name ?? "");
  form.append("intent", intent);
  const res = await fetch(`${base}${url}`, { method: "POST", headers: { Cookie: who.cookie, Origin: base }, body: form, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), text: await res.text() };
}

const upload = (who: Who, name: string, data: Buffer, type?: string) => send(who, "upload:quotes", { name, data, type });

async function get(who: Who, url: string) {
  const res = await fetch(`${base}${url}`, { headers: { Cookie: who.cookie }, redirect: "manual" });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  await seedDemo(db());
  const app = createApp({ build, production: false, trustProxy: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const funds = await db().selectFrom("funds").select(["id", "code"]).execute();
  people.member = await signedIn(await userId("jo@larder.example.org")); // Wisbech Riverside Community Larder, Fenland
  people.otherGroup = await signedIn(await userId("maria@ramsey-timebank.example.org"));
  people.coordinatorFenland = await signedIn(await staffUser("fenland.coordinator@council.example.org", { role: "coordinator", district_code: "E07000010" }));
  people.adminReach = await signedIn(await staffUser("reach.admin@council.example.org", { role: "administrator", fund_id: funds.find((f) => f.code === "CRF")!.id }));
  people.adminInnovation = await signedIn(await staffUser("innovation.admin@council.example.org", { role: "administrator", fund_id: funds.find((f) => f.code === "CIF")!.id }));
  const started = await drafts.startApplication(db(), people.member.userId, people.member.sessionId, "community-reach-fund", null);
  if (started.kind !== "started") throw new Error(started.kind);
  appId = started.applicationId;
  pageUrl = `/applications/${appId}/budget/quotes`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(FILES_DIR, { recursive: true, force: true });
});

describe("uploading to a file question", () => {
  it("the page is a multipart form with the GOV.UK file upload and an Upload file button", async () => {
    const page = (await get(people.member, pageUrl)).body.toString();
    expect(page).toMatch(/enctype="multipart\/form-data"/i); // React writes it encType; HTML does not mind
    expect(page).toMatch(/<input[^>]*class="govuk-file-upload"[^>]*type="file"/);
    expect(page).toContain("Each file must be a PDF, DOCX, XLSX, JPG or PNG, and smaller than 1MB.");
    expect(page).toMatch(/<button[^>]*value="upload:quotes"[^>]*>Upload file<\/button>/);
  });

  it.each([
    ["quote.pdf", pdf(), "application/pdf"],
    ["constitution.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["accounts.xlsx", xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["photo.jpg", jpg(), "image/jpeg"],
    ["plan.png", png(), "image/png"],
  ])("takes %s, judged by its content, under a random key", async (name, data, mime) => {
    const before = await quotesAnswer();
    const res = await upload(people.member, name, data, "application/octet-stream"); // the type the browser claims is ignored
    expect(res.status).toBe(302);
    const row = (await documentRows()).at(-1)!;
    expect(res.location).toBe(`${pageUrl}?uploaded=${row.id}`);
    expect(row).toMatchObject({ filename: name, content_type: mime, size_bytes: data.length, scan_state: "not_scanned" });
    expect(row.storage_key).toMatch(/^documents\/[0-9a-f]{32}$/);
    expect(fs.readFileSync(path.join(FILES_DIR, "documents", row.storage_key.slice(10, 12), row.storage_key.slice(10))).equals(data)).toBe(true);
    // The answer lists it, in the same change as the row, with a new version of the section.
    const after = await quotesAnswer();
    expect(after.files).toContainEqual({ id: row.id, name });
    expect(after.version).toBe(before.version + 1);
    const page = (await get(people.member, res.location!)).body.toString();
    expect(page).toContain(`${name} has been uploaded`);
    expect(page).toContain("Not checked for viruses");
    await expectNothingLeftBehind();
    expect((await send(people.member, `remove:${row.id}`)).status).toBe(302); // room for the next (quotes take 5)
  });

  it.each([
    ["an oversized file", "big.pdf", Buffer.concat([pdf(), Buffer.alloc(1024 * 1024, 0x20)]), "The selected file must be smaller than 1MB"],
    ["an empty file", "empty.pdf", Buffer.alloc(0), "The selected file is empty"],
    ["an HTML page named .pdf", "quote.pdf", html(), "The selected file must be a PDF, DOCX, XLSX, JPG or PNG"],
    ["a PNG named .pdf", "quote.pdf", png(), "The selected file is a PNG, so its name must end in .png, not .pdf"],
    ["no file at all", "", Buffer.alloc(0), "Select a quote"],
  ])("refuses %s with a GOV.UK error, and keeps nothing", async (_what, name, data, message) => {
    const rows = await documentRows();
    const answer = await quotesAnswer();
    const res = await upload(people.member, name, data);
    expect(res.status).toBe(200); // the page again, with the error
    expect(res.text).toContain("There is a problem");
    expect(res.text).toContain(message);
    expect(res.text).toContain('<title>Error: ');
    expect(await documentRows()).toEqual(rows);
    expect(await quotesAnswer()).toEqual(answer);
    await expectNothingLeftBehind();
  });

  it("cuts off a file far over the limit, and keeps nothing", async () => {
    const rows = await documentRows();
    const res = await upload(people.member, "huge.pdf", Buffer.concat([pdf(), Buffer.alloc(4 * 1024 * 1024, 0x20)])).catch(() => ({ status: 0 }));
    expect([0, 413]).toContain(res.status); // refused, or the connection closed on it
    expect(await documentRows()).toEqual(rows);
    await expectNothingLeftBehind();
  });

  it("stores a traversal-named file under a random key, its name made safe", async () => {
    const res = await upload(people.member, "../../etc/passwd", pdf());
    expect(res.status).toBe(302);
    const row = (await documentRows()).at(-1)!;
    expect(row.filename).toBe("passwd.pdf");
    expect(row.storage_key).toMatch(/^documents\/[0-9a-f]{32}$/);
    expect(fs.existsSync(path.join(FILES_DIR, "..", "etc"))).toBe(false);
    expect(storedFiles().every((f) => /^documents\/[0-9a-f]{2}\/[0-9a-f]{32}$/.test(f))).toBe(true);
    await expectNothingLeftBehind();
  });

  it("leaves nothing when the upload is interrupted mid-body", async () => {
    const rows = await documentRows();
    const boundary = "----interrupted";
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.on("error", () => {});
    socket.write(
      `POST ${pageUrl} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${people.member.cookie}\r\nOrigin: ${base}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 900000\r\n\r\n`,
    );
    socket.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${people.member.csrf}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="quotes"; filename="quote.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    socket.write(Buffer.concat([pdf(), Buffer.alloc(300_000, 0x20)]));
    // The file is being written as it arrives...
    await until(() => storedFiles().some((f) => f.startsWith(".tmp")));
    socket.destroy();
    // ...and is gone once the connection drops.
    await until(() => !storedFiles().some((f) => f.startsWith(".tmp")));
    expect(await documentRows()).toEqual(rows);
    await expectNothingLeftBehind();
  });

  it("refuses a form with no CSRF token before storing its file", async () => {
    const form = new FormData();
    form.append("quotes", new Blob([new Uint8Array(pdf())]), "quote.pdf");
    form.append("intent", "upload:quotes");
    const res = await fetch(`${base}${pageUrl}`, { method: "POST", headers: { Cookie: people.member.cookie, Origin: base }, body: form, redirect: "manual" });
    expect(res.status).toBe(403);
    await expectNothingLeftBehind();
  });

  it("another group cannot upload to it: 404, as for an application that does not exist", async () => {
    const rows = await documentRows();
    expect((await upload(people.otherGroup, "quote.pdf", pdf())).status).toBe(404);
    expect((await send(people.otherGroup, "upload:quotes", { name: "quote.pdf", data: pdf() }, "/applications/999999/budget/quotes")).status).toBe(404);
    expect(await documentRows()).toEqual(rows);
    await expectNothingLeftBehind();
  });
});

describe("downloading", () => {
  let docId = 0;
  beforeAll(async () => {
    const res = await upload(people.member, "Wycena – Łódź café.pdf", pdf("zł 450"));
    expect(res.status).toBe(302);
    docId = (await documentRows()).at(-1)!.id;
  });

  it("sends the group's file as an attachment, never sniffed or cached", async () => {
    const res = await get(people.member, `/applications/${appId}/documents/${docId}`);
    expect(res.status).toBe(200);
    expect(res.body.equals(pdf("zł 450"))).toBe(true);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="Wycena _ __d_ caf_.pdf"; filename*=UTF-8''Wycena%20%E2%80%93%20%C5%81%C3%B3d%C5%BA%20caf%C3%A9.pdf`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("staff who may see the application may download it", async () => {
    expect((await get(people.coordinatorFenland, `/applications/${appId}/documents/${docId}`)).status).toBe(200);
    expect((await get(people.adminReach, `/applications/${appId}/documents/${docId}`)).status).toBe(200);
  });

  it("another group, another fund's administrator, a wrong application or a missing id: 404, all alike", async () => {
    const missing = await get(people.member, `/applications/${appId}/documents/999999`);
    expect(missing.status).toBe(404);
    for (const [who, url] of [
      [people.otherGroup, `/applications/${appId}/documents/${docId}`],
      [people.adminInnovation, `/applications/${appId}/documents/${docId}`],
      [people.member, `/applications/999999/documents/${docId}`],
      [people.member, `/applications/${appId}/documents/abc`],
    ] as const) {
      const res = await get(who, url);
      expect(res.status, url).toBe(404);
      expect(res.body.toString()).toBe(missing.body.toString());
    }
  });

  it("check answers lists the files with their virus check, for the group and for staff", async () => {
    for (const who of [people.member, people.coordinatorFenland]) {
      const page = (await get(who, `/applications/${appId}/check`)).body.toString();
      expect(page).toContain("Quotes for items over £250");
      expect(page).toContain(`href="/applications/${appId}/documents/${docId}"`);
      expect(page).toContain("Not checked for viruses");
    }
  });
});

describe("removing", () => {
  it("removes the row, its place in the answer and its file", async () => {
    const row = (await documentRows()).at(-1)!;
    const before = await quotesAnswer();
    const res = await send(people.member, `remove:${row.id}`);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${pageUrl}?removed=1`);
    expect((await documentRows()).some((r) => r.id === row.id)).toBe(false);
    const after = await quotesAnswer();
    expect((after.files as { id: number }[]).some((f) => f.id === row.id)).toBe(false);
    expect(after.version).toBe(before.version + 1);
    expect(storedFiles().some((f) => f.endsWith(path.basename(row.storage_key)))).toBe(false);
    expect((await get(people.member, `/applications/${appId}/documents/${row.id}`)).status).toBe(404);
    expect((await get(people.member, res.location!)).body.toString()).toContain("The file has been removed");
    await expectNothingLeftBehind();
  });

  it("another group cannot remove one: 404, and it stays", async () => {
    const row = (await documentRows()).at(-1)!;
    expect((await send(people.otherGroup, `remove:${row.id}`)).status).toBe(404);
    expect((await documentRows()).some((r) => r.id === row.id)).toBe(true);
  });

  it("takes no more files than the question allows (5 for quotes)", async () => {
    for (const r of await documentRows()) expect((await send(people.member, `remove:${r.id}`)).status).toBe(302);
    for (let i = 0; i < 5; i++) expect((await upload(people.member, `quote-${i}.pdf`, pdf(String(i)))).status).toBe(302);
    const page = (await get(people.member, pageUrl)).body.toString();
    expect(page).toContain("You have added 5 files, the most you can add here. Remove one to upload another.");
    const refused = await upload(people.member, "quote-6.pdf", pdf("6"));
    expect(refused.status).toBe(200);
    expect(refused.text).toContain("You can upload up to 5 files here. Remove one to upload another");
    expect(await documentRows()).toHaveLength(5);
    await expectNothingLeftBehind();
  });
});

describe("a required file question", () => {
  it("needs a file that is not infected before the section is complete", async () => {
    // Group B's draft on a copy of the Reach Fund form whose quotes are required.
    const b = await db().selectFrom("users").select("id").where("id", "=", people.otherGroup.userId).executeTakeFirstOrThrow();
    const started = await drafts.startApplication(db(), b.id, people.otherGroup.sessionId, "community-reach-fund", null);
    if (started.kind !== "started") throw new Error(started.kind);
    const app = await db().selectFrom("applications").select(["form_definition_id"]).where("id", "=", started.applicationId).executeTakeFirstOrThrow();
    const form = await db().selectFrom("form_definitions").selectAll().where("id", "=", app.form_definition_id).executeTakeFirstOrThrow();
    const def = fromJson<{ sections: { key: string; pages: { key: string; questions: { id: string; required?: boolean }[] }[] }[] }>(form.definition, { sections: [] });
    def.sections.find((s) => s.key === "budget")!.pages.find((p) => p.key === "quotes")!.questions[0].required = true;
    const { id: formId } = await db()
      .insertInto("form_definitions")
      .values({ fund_id: form.fund_id, stage: form.stage, version_number: form.version_number + 100, title: form.title, definition: toJson(def), published_at: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db().updateTable("applications").set({ form_definition_id: formId }).where("id", "=", started.applicationId).execute();
    const id = started.applicationId;
    const user = people.otherGroup.userId;
    const deps = { storage: new LocalDiskStorage(FILES_DIR), scanner: null, maxBytes: 1024 * 1024 };

    const page = await drafts.questionPage(db(), user, id, "budget", "quotes");
    expect(await drafts.savePage(db(), user, id, "budget", "quotes", { raw: {}, version: page.version, mode: "continue" }, null)).toEqual({ kind: "invalid", errors: { quotes: "Select a quote" } });
    const staged = await documents.stageUpload(deps, { name: "quotes", filename: "quote.pdf", body: Readable.from([pdf()]) });
    const result = await documents.submitFilePage(db(), deps, user, id, "budget", "quotes", { raw: {}, version: page.version, intent: "continue", files: [staged] }, null);
    expect(result).toEqual({ kind: "saved", next: "" }); // uploaded, then saved and on to the task list
    expect((await drafts.questionPage(db(), user, id, "budget", "quotes")).files.quotes.map((f) => f.name)).toEqual(["quote.pdf"]);
    const check = await drafts.checkAnswers(db(), user, id);
    expect(check.sections.find((s) => s.key === "budget")!.rows.find((r) => r.questionId === "quotes")).toMatchObject({ lines: ["quote.pdf"], files: [{ name: "quote.pdf", scanText: "Not checked for viruses" }] });
  });
});

describe("virus scanning", () => {
  let clamd: FakeClamd;
  let storage: LocalDiskStorage;
  const member = () => people.member.userId;
  beforeAll(async () => {
    clamd = await startFakeClamd();
    storage = new LocalDiskStorage(FILES_DIR);
    for (const r of await documentRows()) await documents.remove(db(), { storage, scanner: null, maxBytes: 1 << 20 }, member(), appId, r.id, null);
  });
  afterAll(() => clamd.close());

  const stage = (deps: documents.DocumentDeps, name: string, data: Buffer) => documents.stageUpload(deps, { name: "quotes", filename: name, body: Readable.from([data]) });

  it("marks a clean file clean", async () => {
    const deps = { storage, scanner: clamavScanner({ socketPath: clamd.socketPath }), maxBytes: 1 << 20 };
    const r = await documents.upload(db(), deps, member(), appId, "budget", "quotes", await stage(deps, "quote.pdf", pdf()), null);
    expect(r.kind).toBe("uploaded");
    expect((await listApplicationDocuments(db(), appId)).at(-1)).toMatchObject({ filename: "quote.pdf", scanState: "clean" });
  });

  it("keeps an infected file's row but not its bytes; nobody can download it and it answers nothing", async () => {
    const deps = { storage, scanner: clamavScanner({ socketPath: clamd.socketPath }), maxBytes: 1 << 20 };
    const r = await documents.upload(db(), deps, member(), appId, "budget", "quotes", await stage(deps, "eicar.pdf", Buffer.concat([pdf(), Buffer.from(EICAR)])), null);
    expect(r).toMatchObject({ kind: "invalid", message: "The selected file contains a virus" });
    const doc = (await listApplicationDocuments(db(), appId)).at(-1)!;
    expect(doc).toMatchObject({ filename: "eicar.pdf", scanState: "infected", scanDetail: "Eicar-Signature" });
    expect(await storage.exists(doc.storageKey)).toBe(false);
    expect((await quotesAnswer()).files).toContainEqual({ id: doc.id, name: "eicar.pdf", infected: true });
    await expect(documents.download(db(), deps, member(), appId, doc.id)).rejects.toBeInstanceOf(documents.DocumentInfected);
    const res = await get(people.adminReach, `/applications/${appId}/documents/${doc.id}`);
    expect(res.status).toBe(410);
    const page = (await get(people.member, pageUrl)).body.toString();
    expect(page).toContain("A virus was found in this file, so nobody can download it.");
    expect(page).not.toContain(`href="/applications/${appId}/documents/${doc.id}"`);
  });

  it("stays pending while the scanner cannot be reached, and the scheduled job scans it later", async () => {
    const down = { storage, scanner: clamavScanner({ socketPath: `${clamd.socketPath}.down`, timeoutMs: 1000 }), maxBytes: 1 << 20 };
    const r = await documents.upload(db(), down, member(), appId, "budget", "quotes", await stage(down, "later.pdf", pdf("later")), null);
    expect(r.kind).toBe("uploaded"); // the upload stands; only its scan waits
    const doc = (await listApplicationDocuments(db(), appId)).at(-1)!;
    expect(doc).toMatchObject({ filename: "later.pdf", scanState: "pending" });
    expect(doc.scanDetail).toMatch(/^Scanner unavailable/);
    expect(await storage.exists(doc.storageKey)).toBe(true);
    expect((await get(people.member, pageUrl)).body.toString()).toContain("Waiting for virus check");
    await expect(documents.scanPendingDocuments(db(), down)).rejects.toThrow();
    expect(await documents.scanPendingDocuments(db(), { ...down, scanner: clamavScanner({ socketPath: clamd.socketPath }) })).toEqual({ scanned: 1 });
    expect((await listApplicationDocuments(db(), appId)).at(-1)).toMatchObject({ id: doc.id, scanState: "clean", scanDetail: null });
  });

  it("without a scanner, files are marked not scanned, and staff see it", async () => {
    const deps = { storage, scanner: null, maxBytes: 1 << 20 };
    await documents.upload(db(), deps, member(), appId, "budget", "quotes", await stage(deps, "unscanned.pdf", pdf("u")), null);
    expect((await listApplicationDocuments(db(), appId)).at(-1)).toMatchObject({ filename: "unscanned.pdf", scanState: "not_scanned", scanDetail: "No virus scanner is configured" });
    expect((await get(people.adminReach, `/applications/${appId}/check`)).body.toString()).toContain("Not checked for viruses");
  });

  it("sweeps files that no document refers to, and leaves the others", async () => {
    const deps = { storage, scanner: null, maxBytes: 1 << 20 };
    await storage.put("documents/0123456789abcdef0123456789abcdef", Readable.from([pdf()]));
    const kept = storedFiles().length;
    expect(await documents.sweepOrphanFiles(db(), deps, new Date())).toEqual({ removed: 0 }); // too new to be sure
    expect(await documents.sweepOrphanFiles(db(), deps, new Date(Date.now() + 2 * 3_600_000))).toEqual({ removed: 1 });
    expect(storedFiles().length).toBe(kept - 1);
    await expectNothingLeftBehind();
  });
});

async function until(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
