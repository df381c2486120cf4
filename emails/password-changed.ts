import { defineTemplate, p } from "./content";

export interface PasswordChangedData {
  name: string;
  /** "22 November 2026 at 10:42am" (London time). */
  changedAt: string;
}

export default defineTemplate<PasswordChangedData>({
  description: "Sent when an account's password is changed or reset.",
  sample: { name: "Alex Turner", changedAt: "22 November 2026 at 10:42am" },
  render: (d, ctx) => ({
    subject: "Your password has been changed",
    heading: "Your password has been changed",
    blocks: [
      p(`Dear ${d.name},`),
      p(`The password of your account was changed on ${d.changedAt}. Every other device signed in to your account has been signed out.`),
      p(`If you did not do this, reset your password now from the sign-in page (${ctx.serviceUrl}/forgot-password) and tell us at ${ctx.contactEmail}.`),
    ],
  }),
});
