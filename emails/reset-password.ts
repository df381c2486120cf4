import { defineTemplate, link, p } from "./content";

export interface ResetPasswordData {
  name: string;
  /** The one-time token; secret, so it is removed from the outbox once the email is sent. */
  token: string;
  expiresInMinutes: number;
}

export default defineTemplate<ResetPasswordData>({
  description: "Sent when someone asks to reset their password, with a one-time link.",
  sample: { name: "Alex Turner", token: "sample-token-0123456789abcdef", expiresInMinutes: 60 },
  secretFields: ["token"],
  render: (d, ctx) => ({
    subject: `Reset your password for ${ctx.serviceName}`,
    heading: "Reset your password",
    blocks: [
      p(`Dear ${d.name},`),
      p("Someone asked to reset the password of your account. If it was you, use this link to choose a new password:"),
      link("Choose a new password", `${ctx.serviceUrl}/reset-password?token=${encodeURIComponent(d.token)}`),
      p(`The link works once and stops working after ${d.expiresInMinutes} minutes.`),
      p("If you did not ask for this, you can ignore this email: your password has not changed."),
    ],
  }),
});
