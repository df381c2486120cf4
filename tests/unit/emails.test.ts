/** Every email template, rendered for its sample data through the shared layout. */
import { describe, expect, it } from "vitest";
import { WORKFLOWS } from "~/domain/applications/workflow";
import { escapeHtml, renderLayout } from "~emails/layout";
import { REDACTED, redactEmailData, renderEmail, templates, type EmailContext } from "~emails/index";
import type { ApplicationEmailData } from "~emails/application-data";
import type { EmailTemplate } from "~emails/content";
import { p } from "~emails/content";

const CONTEXT: EmailContext = {
  operatorName: "Cambridgeshire County Council",
  serviceName: "Apply for a community grant",
  contactEmail: "community.grants@council.example.org",
  contactPhone: "0345 045 5200",
  serviceUrl: "https://grants.example.org",
};

const all = Object.entries(templates) as [string, EmailTemplate<unknown>][];
const aboutApplications = all.filter(([, t]) => typeof t.sample === "object" && t.sample !== null && "reference" in t.sample) as [
  string,
  EmailTemplate<ApplicationEmailData>,
][];
const aboutAccounts = all.filter(([name]) => !aboutApplications.some(([n]) => n === name));

describe.each(all)("the %s email", (name, template) => {
  const email = renderEmail(name, template.sample, CONTEXT);

  it("says who sent it and how to get help, in text and HTML", () => {
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Cambridgeshire County Council");
      expect(body).toContain("community.grants@council.example.org");
    }
  });

  it("has a description for the people who maintain it", () => {
    expect(template.description.length).toBeGreaterThan(20);
  });
});

describe.each(aboutApplications)("the %s email", (name, template) => {
  const email = renderEmail(name, template.sample, CONTEXT);

  it("has a subject with the application's reference", () => {
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).toContain("CRF-2026-00042");
  });

  it("says who sent it and how to get help, in text and HTML", () => {
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Cambridgeshire County Council");
      expect(body).toContain("community.grants@council.example.org");
      expect(body).toContain("0345 045 5200");
    }
  });

  it("escapes what groups typed in the HTML, and keeps it readable in the text", () => {
    const typed = [template.sample.organisationName, template.sample.title!, ...(template.sample.feedback ?? "").split("\n")].filter(Boolean);
    const shown = typed.filter((value) => email.text.includes(value));
    expect(shown.length).toBeGreaterThan(0);
    for (const value of shown) expect(email.html).toContain(escapeHtml(value));
    expect(email.html).not.toContain("<Cambridge>");
  });
});

describe.each(aboutAccounts)("the %s account email", (name, template) => {
  const email = renderEmail(name, template.sample, CONTEXT);

  it("is addressed to the person by name and links only to this service", () => {
    const name = (template.sample as { name?: string }).name;
    if (name) expect(email.text).toContain(`Dear ${name}`);
    const links = [...email.text.matchAll(/https?:\/\/[^\s)]+/g)].map((m) => m[0]);
    for (const l of links) expect(l.startsWith(CONTEXT.serviceUrl)).toBe(true);
  });

  it("keeps no secret once redacted, and shows REDACTED where a link was", () => {
    const secretFields = template.secretFields ?? [];
    const redacted = redactEmailData(name, template.sample) as Record<string, unknown>;
    for (const f of secretFields) {
      const secret = (template.sample as Record<string, string>)[f];
      expect(email.text).toContain(secret);
      expect(JSON.stringify(redacted)).not.toContain(secret);
      expect(renderEmail(name, redacted, CONTEXT).text).toContain(REDACTED);
    }
  });
});

describe("email templates", () => {
  it("every email the workflow sends exists", () => {
    const named = new Set(Object.values(WORKFLOWS).flatMap((ts) => ts.flatMap((t) => t.notifications.map((n) => n.template))));
    expect([...named].filter((n) => !(n in templates))).toEqual([]);
  });

  it("shows the feedback an administrator wrote, line breaks and all", () => {
    const email = renderEmail("more-information-needed", templates["more-information-needed"].sample, CONTEXT);
    expect(email.text).toContain("| Please break the £800 for food into what you will buy each month.\n| We also need the name of your other funder.");
    expect(email.html).toContain("Please break the £800 for food into what you will buy each month.<br>We also need");
  });

  it("leaves the reference out of the subject while there is none", () => {
    const sample = { ...templates["application-received"].sample, reference: null };
    expect(renderEmail("application-received", sample, CONTEXT).subject).toBe("We have received your application");
  });

  it("refuses a template that does not exist", () => {
    expect(() => renderEmail("nope", {}, CONTEXT)).toThrow(/no email template called "nope"/);
  });

  it("escapes the five characters HTML cares about, including in links", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const html = renderLayout({ subject: "S", heading: "H", blocks: [p("<script>alert(1)</script>")] }, { ...CONTEXT, operatorName: "A & B <Council>" }).html;
    expect(html).not.toContain("<script>");
    expect(html).toContain("A &amp; B &lt;Council&gt;");
  });
});
