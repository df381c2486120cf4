import { defineTemplate, p } from "./content";

export interface GroupMemberJoinedData {
  organisationName: string;
  memberName: string;
  role: "admin" | "member";
}

export default defineTemplate<GroupMemberJoinedData>({
  description: "Sent to a group's admins when someone accepts an invitation to join the group.",
  sample: { organisationName: "Wisbech Riverside Community Larder", memberName: "Jo Whitmore", role: "member" },
  render: (d, ctx) => ({
    subject: `${d.memberName} has joined ${d.organisationName}`,
    heading: `${d.memberName} has joined ${d.organisationName}`,
    blocks: [
      p(`Dear ${d.organisationName} admin,`),
      p(`${d.memberName} accepted your group's invitation and is now ${d.role === "admin" ? "an admin" : "a member"} of ${d.organisationName}.`),
      p(`You can see and change who is in your group on its page: ${ctx.serviceUrl}/groups`),
    ],
  }),
});
