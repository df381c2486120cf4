import { defineTemplate, link, p } from "./content";

export interface VerifyEmailData {
  name: string;
  /** The one-time token; secret, so it is removed from the outbox once the email is sent. */
  token: string;
  expiresInHours: number;
}

export default defineTemplate<VerifyEmailData>({
  description: "Sent when someone registers, with a link that confirms their email address.",
  sample: { name: "Alex Turner", token: "sample-token-0123456789abcdef", expiresInHours: 24 },
  secretFields: ["token"],
  render: (d, ctx) => ({
    subject: `Confirm your email address for ${ctx.serviceName}`,
    heading: "Confirm your email address",
    blocks: [
      p(`Dear ${d.name},`),
      p(`You have created an account to ${ctx.serviceName.charAt(0).toLowerCase()}${ctx.serviceName.slice(1)}. Use this link to confirm your email address:`),
      link("Confirm your email address", `${ctx.serviceUrl}/verify-email?token=${encodeURIComponent(d.token)}`),
      p(`The link works once and stops working after ${d.expiresInHours} hours. If it has stopped working, sign in and we will send a new one.`),
      p("If you did not create an account, you can ignore this email. Nobody can use the account without confirming this address."),
    ],
  }),
});
