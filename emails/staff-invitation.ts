import { defineTemplate, link, list, p } from "./content";

export interface StaffInvitationData {
  name: string;
  inviterName: string;
  /** What they will be able to do, in words: "Coordinator for Fenland". */
  roles: string[];
  /** The one-time set-up token; secret, so it is removed from the outbox once the email is sent. */
  token: string;
  expiresInHours: number;
}

export default defineTemplate<StaffInvitationData>({
  description: "Sent when a service administrator creates a staff account, with a one-time link to set it up.",
  sample: { name: "Tom Barker", inviterName: "Sam Okafor", roles: ["Coordinator for Fenland"], token: "sample-token-0123456789abcdef", expiresInHours: 72 },
  secretFields: ["token"],
  render: (d, ctx) => ({
    subject: `Set up your staff account for ${ctx.serviceName}`,
    heading: "Set up your staff account",
    blocks: [
      p(`Dear ${d.name},`),
      p(`${d.inviterName} has given you a staff account on ${ctx.serviceName.charAt(0).toLowerCase()}${ctx.serviceName.slice(1)}, as:`),
      list(...d.roles),
      p("Use this link to choose a password and set up two-factor authentication. You will need an authenticator app on your phone."),
      link("Set up your account", `${ctx.serviceUrl}/account/set-up?token=${encodeURIComponent(d.token)}`),
      p(`The link works once and stops working after ${d.expiresInHours} hours.`),
    ],
  }),
});
