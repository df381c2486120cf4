import { defineTemplate, p } from "./content";

export interface SecurityChangeData {
  name: string;
  change: "two_factor_enabled" | "two_factor_disabled" | "two_factor_reset" | "account_deactivated";
  changedAt: string;
}

const WHAT: Record<SecurityChangeData["change"], string> = {
  two_factor_enabled: "Two-factor authentication was turned on for your account",
  two_factor_disabled: "Two-factor authentication was turned off for your account",
  two_factor_reset: "A service administrator reset two-factor authentication for your account",
  account_deactivated: "Your staff account was deactivated",
};

export default defineTemplate<SecurityChangeData>({
  description: "Sent when two-factor authentication is turned on or off for an account.",
  sample: { name: "Alex Turner", change: "two_factor_enabled", changedAt: "22 November 2026 at 10:42am" },
  render: (d, ctx) => ({
    subject: WHAT[d.change],
    heading: WHAT[d.change],
    blocks: [
      p(`Dear ${d.name},`),
      p(`${WHAT[d.change]} on ${d.changedAt}.`),
      p(`If you did not do this, reset your password now (${ctx.serviceUrl}/forgot-password) and tell us at ${ctx.contactEmail}.`),
    ],
  }),
});
