import { defineTemplate, link, p } from "./content";

export interface AccountExistsData {
  name: string;
}

export default defineTemplate<AccountExistsData>({
  description: "Sent when someone tries to register with an address that already has an account (the page says the same either way).",
  sample: { name: "Alex Turner" },
  render: (d, ctx) => ({
    subject: `You already have an account for ${ctx.serviceName}`,
    heading: "You already have an account",
    blocks: [
      p(`Dear ${d.name},`),
      p("Someone tried to create an account with this email address, but it already has one."),
      p("If it was you, sign in instead. If you have forgotten your password, you can reset it:"),
      link("Sign in", `${ctx.serviceUrl}/sign-in`),
      link("Reset your password", `${ctx.serviceUrl}/forgot-password`),
      p("If it was not you, you do not need to do anything: your account has not changed."),
    ],
  }),
});
