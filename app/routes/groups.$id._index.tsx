import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { groupsService } from "~/domain/organisations/index.server";
import { formatLondonDate } from "~/domain/shared/time";
import { CsrfField } from "~/layout/forms";
import { requireSignedIn } from "~/utils/auth.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.group.name ?? "Group");

const NOTICES = {
  created: "Your group has been added",
  invited: "Invitation sent",
  removed: "Member removed",
  role: "Member's role changed",
  revoked: "Invitation cancelled",
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const group = await orNotFound(groupsService.groupPage(user.id, idParam(params.id)));
  const url = new URL(request.url);
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((k) => url.searchParams.has(k)) ?? null;
  const refused = url.searchParams.get("refused") === "last-admin";
  return { group, notice, refused };
}

function MemberActions({ groupId, member }: { groupId: number; member: { id: number; name: string; role: string; isMe: boolean } }) {
  return (
    <div className="govuk-button-group govuk-!-margin-bottom-0">
      <form method="post" action={`/groups/${groupId}/members/${member.id}`}>
        <CsrfField />
        <input type="hidden" name="intent" value={member.role === "admin" ? "make-member" : "make-admin"} />
        <Button
          text={member.role === "admin" ? "Make member" : "Make admin"}
          classes="govuk-button--secondary govuk-!-margin-bottom-0"
          attributes={{ "aria-label": `${member.role === "admin" ? "Make member" : "Make admin"}: ${member.name}` }}
        />
      </form>
      <form method="post" action={`/groups/${groupId}/members/${member.id}`}>
        <CsrfField />
        <input type="hidden" name="intent" value="remove" />
        <Button text={member.isMe ? "Leave group" : "Remove"} classes="govuk-button--warning govuk-!-margin-bottom-0" attributes={{ "aria-label": member.isMe ? "Leave the group" : `Remove ${member.name}` }} />
      </form>
    </div>
  );
}

export default function Group() {
  const { group, notice, refused } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/groups" text="Your groups" />
      {notice ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">{NOTICES[notice]}</p>
        </NotificationBanner>
      ) : null}
      {refused ? (
        <NotificationBanner titleText="Important">
          <p className="govuk-notification-banner__heading">A group must always have at least one admin</p>
          <p className="govuk-body">Make someone else an admin first, then change your own role or leave.</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">{group.name}</h1>
      <SummaryList
        rows={[
          { key: { text: "Type" }, value: { text: group.orgTypeLabel } },
          group.charityNumber ? { key: { text: "Charity number" }, value: { text: group.charityNumber } } : null,
          group.companyNumber ? { key: { text: "Company number" }, value: { text: group.companyNumber } } : null,
          { key: { text: "Address" }, value: { html: <>{group.address.map((l, i) => <span key={i}>{l}<br /></span>)}</> } },
          { key: { text: "District" }, value: { text: `${group.districtName ?? "Not known"}${group.districtChosenByHand ? " (chosen by the group)" : ""}` } },
          { key: { text: "Identifier for open data" }, value: { text: group.orgIdentifier ?? "" } },
        ].filter((r) => r !== null)}
      />
      {group.myRole ? (
        <>
          <h2 className="govuk-heading-m">Members</h2>
          <Table
            caption="Members of the group"
            captionClasses="govuk-visually-hidden"
            head={[{ text: "Name" }, { text: "Email" }, { text: "Role" }, ...(group.canManage ? [{ text: "" }] : [])]}
            rows={group.members.map((m) => [
              { text: m.isMe ? `${m.name} (you)` : m.name },
              { text: m.email },
              { text: m.role === "admin" ? "Admin" : "Member" },
              ...(group.canManage ? [{ html: <MemberActions groupId={group.id} member={m} /> }] : []),
            ])}
          />
          {!group.canManage ? (
            <form method="post" action={`/groups/${group.id}/members/${group.members.find((m) => m.isMe)?.id ?? 0}`}>
              <CsrfField />
              <input type="hidden" name="intent" value="remove" />
              <Button text="Leave this group" classes="govuk-button--warning" />
            </form>
          ) : null}
          {group.canManage ? (
            <>
              <p className="govuk-body">
                <a className="govuk-button govuk-button--secondary" href={`/groups/${group.id}/invite`}>
                  Invite someone to join
                </a>
              </p>
              {group.invitations.length ? (
                <>
                  <h2 className="govuk-heading-m">Invitations waiting</h2>
                  <Table
                    caption="Invitations not yet accepted"
                    captionClasses="govuk-visually-hidden"
                    head={[{ text: "Email" }, { text: "Role" }, { text: "Expires" }, { text: "" }]}
                    rows={group.invitations.map((i) => [
                      { text: i.email },
                      { text: i.role === "admin" ? "Admin" : "Member" },
                      { text: formatLondonDate(i.expiresAt) },
                      {
                        html: (
                          <form method="post" action={`/groups/${group.id}/invitations/${i.id}`}>
                            <CsrfField />
                            <Button text="Cancel" classes="govuk-button--secondary govuk-!-margin-bottom-0" attributes={{ "aria-label": `Cancel the invitation to ${i.email}` }} />
                          </form>
                        ),
                      },
                    ])}
                  />
                </>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
