import { defineTemplate, link, p } from "./content";

export interface GroupInvitationData {
  organisationName: string;
  inviterName: string;
  role: "admin" | "member";
  /** The one-time token; secret, so it is removed from the outbox once the email is sent. */
  token: string;
  expiresInDays: number;
}

export default defineTemplate<GroupInvitationData>({
  description: "Sent when a group's admin invites someone to join the group on the portal.",
  sample: { organisationName: "Wisbech Riverside Community Larder", inviterName: "Alex Turner", role: "member", token: "sample-token-0123456789abcdef", expiresInDays: 7 },
  secretFields: ["token"],
  render: (d, ctx) => ({
    subject: `${d.inviterName} has invited you to join ${d.organisationName}`,
    heading: `Join ${d.organisationName}`,
    blocks: [
      p(`${d.inviterName} has invited you to join ${d.organisationName} on ${ctx.serviceName.charAt(0).toLowerCase()}${ctx.serviceName.slice(1)}, as ${d.role === "admin" ? "an admin (you will be able to invite and remove members)" : "a member (you will be able to work on the group's applications)"}.`),
      link("Accept the invitation", `${ctx.serviceUrl}/invitations/accept?token=${encodeURIComponent(d.token)}`),
      p(`The invitation works once and stops working after ${d.expiresInDays} days. You will need to sign in, or create an account, with this email address.`),
      p("If you did not expect this, you can ignore this email."),
    ],
  }),
});
