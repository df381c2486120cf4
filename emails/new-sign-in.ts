import { defineTemplate, p } from "./content";

export interface NewSignInData {
  name: string;
  signedInAt: string;
  /** "Chrome on Windows". */
  browser: string;
}

export default defineTemplate<NewSignInData>({
  description: "Sent to staff when their account is signed in to from a device it has not been used on before.",
  sample: { name: "Sam Okafor", signedInAt: "22 November 2026 at 10:42am", browser: "Chrome on Windows" },
  render: (d, ctx) => ({
    subject: "New sign-in to your account",
    heading: "New sign-in to your account",
    blocks: [
      p(`Dear ${d.name},`),
      p(`Your staff account was signed in to on ${d.signedInAt} from ${d.browser}, a device it has not been used on before.`),
      p("If this was you, you do not need to do anything."),
      p(`If it was not you, reset your password now (${ctx.serviceUrl}/forgot-password) and tell the service administrator at ${ctx.contactEmail}: someone may have your password and your authenticator codes.`),
    ],
  }),
});
