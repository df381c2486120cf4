import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { staffService } from "~/domain/organisations/index.server";
import { requireServicePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Staff");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireServicePermission(request, context, "service.manage_staff");
  return { staff: await staffService.listStaff(user.id), invited: new URL(request.url).searchParams.has("invited") };
}

export default function Staff() {
  const { staff, invited } = useLoaderData<typeof loader>();
  return (
    <>
      {invited ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">Invitation sent</p>
          <p className="govuk-body">They will get an email with a link to set up their account and two-factor authentication.</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Staff</h1>
      <p className="govuk-body">
        <a className="govuk-button" href="/admin/staff/new">
          Invite a member of staff
        </a>
      </p>
      <Table
        caption="Staff accounts"
        captionClasses="govuk-visually-hidden"
        head={[{ text: "Name" }, { text: "Roles" }, { text: "Account" }]}
        rows={staff.map((s) => [
          {
            html: (
              <>
                <a className="govuk-link" href={`/admin/staff/${s.id}`}>
                  {s.name}
                </a>
                <br />
                <span className="govuk-body-s">{s.email}</span>
              </>
            ),
          },
          { html: <>{s.roles.map((r) => <span key={r}>{r}<br /></span>)}</> },
          {
            html: !s.active ? (
              <Tag text="Deactivated" classes="govuk-tag--grey" />
            ) : !s.accountSetUp ? (
              <Tag text="Invited" classes="govuk-tag--blue" />
            ) : s.twoFactorOn ? (
              <Tag text="Active" classes="govuk-tag--green" />
            ) : (
              <Tag text="Two-factor not set up" classes="govuk-tag--yellow" />
            ),
          },
        ])}
      />
    </>
  );
}
