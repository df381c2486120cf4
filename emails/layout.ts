/**
 * The one layout every email goes through: the council's name at the top, the content, and a footer with
 * how to get help. Text and HTML come from the same blocks; HTML escapes every value.
 */
import type { Block, EmailContent, EmailContext } from "./content";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Keep line breaks the writer typed (feedback, messages) in HTML. */
function paragraphHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

const FONT = "font-family: Helvetica, Arial, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c;";

function blockHtml(b: Block): string {
  switch (b.type) {
    case "p":
      return `<p style="margin: 0 0 20px;">${paragraphHtml(b.text)}</p>`;
    case "h2":
      return `<h2 style="margin: 30px 0 15px; font-size: 24px;">${escapeHtml(b.text)}</h2>`;
    case "list":
      return `<ul style="margin: 0 0 20px; padding-left: 20px;">${b.items
        .map((i) => `<li style="margin-bottom: 5px;">${escapeHtml(i)}</li>`)
        .join("")}</ul>`;
    case "inset":
      return `<blockquote style="margin: 0 0 20px; padding: 15px 0 15px 15px; border-left: 10px solid #b1b4b6;">${paragraphHtml(
        b.text
      )}</blockquote>`;
    case "link":
      return `<p style="margin: 0 0 20px;"><a href="${escapeHtml(b.href)}" style="color: #1d70b8;">${escapeHtml(b.text)}</a></p>`;
  }
}

function blockText(b: Block): string {
  switch (b.type) {
    case "p":
      return b.text;
    case "h2":
      return `${b.text}\n${"-".repeat(Math.min(b.text.length, 70))}`;
    case "list":
      return b.items.map((i) => `* ${i}`).join("\n");
    case "inset":
      return b.text
        .split(/\r?\n/)
        .map((line) => `| ${line}`)
        .join("\n");
    case "link":
      return `${b.text}: ${b.href}`;
  }
}

function help(ctx: EmailContext): { text: string; html: string } {
  const phone = ctx.contactPhone ? ` or call ${ctx.contactPhone}` : "";
  return {
    text: `If you need help, email ${ctx.contactEmail}${phone}. Do not reply to this email: replies are not read.`,
    html: `If you need help, email <a href="mailto:${escapeHtml(ctx.contactEmail)}" style="color: #1d70b8;">${escapeHtml(
      ctx.contactEmail
    )}</a>${escapeHtml(phone)}. Do not reply to this email: replies are not read.`,
  };
}

export function renderLayout(content: EmailContent, ctx: EmailContext): RenderedEmail {
  const footer = help(ctx);
  const text = [
    ctx.operatorName.toUpperCase(),
    "",
    content.heading,
    "",
    content.blocks.map(blockText).join("\n\n"),
    "",
    "---",
    footer.text,
    `${ctx.serviceName}, run by ${ctx.operatorName}: ${ctx.serviceUrl}`,
    "",
  ].join("\n");

  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin: 0; padding: 0; background: #ffffff;">
<div style="background: #0b0c0c; padding: 15px 20px;">
<p style="margin: 0; font-family: Helvetica, Arial, sans-serif; font-size: 24px; font-weight: bold; color: #ffffff;">${escapeHtml(
    ctx.operatorName
  )}</p>
</div>
<div style="max-width: 580px; padding: 20px; ${FONT}">
<h1 style="margin: 0 0 20px; font-size: 32px; line-height: 1.2;">${escapeHtml(content.heading)}</h1>
${content.blocks.map(blockHtml).join("\n")}
<hr style="border: 0; border-top: 1px solid #b1b4b6; margin: 30px 0 20px;">
<p style="margin: 0 0 10px; font-size: 16px;">${footer.html}</p>
<p style="margin: 0; font-size: 16px;"><a href="${escapeHtml(ctx.serviceUrl)}" style="color: #1d70b8;">${escapeHtml(
    ctx.serviceName
  )}</a>, run by ${escapeHtml(ctx.operatorName)}</p>
</div>
</body>
</html>
`;
  return { subject: content.subject, text, html };
}
