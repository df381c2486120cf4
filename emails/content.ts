/**
 * Email content as blocks, rendered once to plain text and once to HTML by the shared layout, so both
 * say the same thing and every value from users is escaped in the HTML.
 */
export type Block =
  | { type: "p"; text: string }
  | { type: "h2"; text: string }
  | { type: "list"; items: string[] }
  | { type: "inset"; text: string }
  | { type: "link"; text: string; href: string };

export const p = (text: string): Block => ({ type: "p", text });
export const h2 = (text: string): Block => ({ type: "h2", text });
export const list = (...items: string[]): Block => ({ type: "list", items });
export const inset = (text: string): Block => ({ type: "inset", text });
export const link = (text: string, href: string): Block => ({ type: "link", text, href });

/** Who runs the service and where it lives: the same for every email. */
export interface EmailContext {
  operatorName: string;
  serviceName: string;
  contactEmail: string;
  contactPhone: string | null;
  /** The portal's public address, e.g. https://grants.example.org (no trailing slash). */
  serviceUrl: string;
}

export interface EmailContent {
  subject: string;
  /** What the email is about, in a few words: the heading of the HTML and the first line of the text. */
  heading: string;
  blocks: Block[];
}

export interface EmailTemplate<D> {
  /** What it is for, for the people who read the list of templates. */
  description: string;
  /** Data that renders a realistic email, for tests and previews. */
  sample: D;
  /** Fields that hold a secret (a one-time token): removed from the outbox once sent, never shown to staff. */
  secretFields?: (keyof D & string)[];
  render(data: D, ctx: EmailContext): EmailContent;
}

export function defineTemplate<D>(template: EmailTemplate<D>): EmailTemplate<D> {
  return template;
}

/** "Application received (CRF-2026-00042)": the reference goes in the subject whenever there is one. */
export function withReference(subject: string, reference: string | null | undefined): string {
  return reference ? `${subject} (${reference})` : subject;
}
