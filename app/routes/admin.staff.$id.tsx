import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { staffService } from "~/domain/organisations/index.server";
import { CsrfField, FormErrors } from "~/layout/forms";
import { GrantFields, grantInputFrom } from "~/layout/grant-fields";
import { requestInfo, requireServicePermission } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.staff.name ?? "Staff");

const DONE: Record<string, string> = {
  granted: "Role added",
  revoked: "Role removed",
  deactivated: "Account deactivated: they are signed out and cannot sign in",
  reactivated: "Account reactivated",
  reset: "Two-factor authentication reset: they will set up a new device when they next sign in",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireServicePermission(request, context, "service.manage_staff");
  const [staff, options] = await Promise.all([orNotFound(staffService.staffDetail(user.id, idParam(params.id))), staffService.grantOptions()]);
  const done = new URL(request.url).searchParams.get("done");
  return { staff, options, done: done && DONE[done] ? DONE[done] : null };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireServicePermission(request, context, "service.manage_staff");
  const id = idParam(params.id);
  const ip = requestInfo(request, context).ip;
  switch (field(form, "intent")) {
    case "grant": {
      const grant = grantInputFrom(form);
      const r = await orNotFound(staffService.addGrant(user.id, id, grant, ip));
      if (r.kind === "invalid") return { errors: r.errors, refused: null, values: { role: grant.role, districtCodes: grant.districtCodes, fundIds: grant.fundIds.map(String) } };
      if (r.kind === "refused") return { errors: null, refused: r.message, values: null };
      return redirect(`/admin/staff/${id}?done=granted`);
    }
    case "revoke": {
      const r = await orNotFound(staffService.revokeGrant(user.id, id, idParam(field(form, "grantId")), ip));
      if (r.kind === "refused") return { errors: null, refused: r.message, values: null };
      return redirect(`/admin/staff/${id}?done=revoked`);
    }
    case "deactivate":
    case "reactivate": {
      const active = field(form, "intent") === "reactivate";
      const r = await orNotFound(staffService.setStaffActive(user.id, id, active, ip));
      if (r.kind === "refused") return { errors: null, refused: r.message, values: null };
      return redirect(`/admin/staff/${id}?done=${active ? "reactivated" : "deactivated"}`);
    }
    case "reset-two-factor": {
      const r = await orNotFound(staffService.resetStaffTwoFactor(user.id, id, ip));
      if (r.kind === "refused") return { errors: null, refused: r.message, values: null };
      return redirect(`/admin/staff/${id}?done=reset`);
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

function ActionButton({ intent, text, warning, extra }: { intent: string; text: string; warning?: boolean; extra?: Record<string, string> }) {
  return (
    <form method="post">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {extra ? Object.entries(extra).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />) : null}
      <Button text={text} classes={warning ? "govuk-button--warning" : "govuk-button--secondary"} />
    </form>
  );
}

export default function StaffMember() {
  const { staff, options, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink href="/admin/staff" text="Staff" />
      {done ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      ) : null}
      {result?.refused ? (
        <NotificationBanner titleText="Important">
          <p className="govuk-notification-banner__heading">{result.refused}</p>
        </NotificationBanner>
      ) : null}
      <FormErrors errors={result?.errors} order={["role", "districtCodes", "fundIds"]} />
      <h1 className="govuk-heading-l">{staff.name}</h1>
      <SummaryList
        rows={[
          { key: { text: "Email" }, value: { text: staff.email } },
          { key: { text: "Account" }, value: { text: !staff.active ? "Deactivated" : staff.accountSetUp ? "Set up" : "Invited, not set up yet" } },
          { key: { text: "Two-factor authentication" }, value: { text: staff.twoFactorOn ? "On" : "Not set up" } },
        ]}
      />
      <h2 className="govuk-heading-m">Roles</h2>
      {staff.isMe ? <p className="govuk-body">You cannot change your own roles. Ask another service administrator.</p> : null}
      {staff.grants.length === 0 ? <p className="govuk-body">No roles.</p> : null}
      {staff.grants.map((g) => (
        <div key={g.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{g.text}</h3>
          </div>
          {staff.isMe ? null : (
            <div className="govuk-summary-card__content">
              <ActionButton intent="revoke" text="Remove this role" extra={{ grantId: String(g.id) }} />
            </div>
          )}
        </div>
      ))}
      {staff.isMe ? null : (
        <>
          <h2 className="govuk-heading-m">Add a role</h2>
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="grant" />
            <GrantFields options={options} errors={result?.errors} values={result?.values ?? undefined} />
            <Button text="Add role" classes="govuk-button--secondary" />
          </form>
          <h2 className="govuk-heading-m">Account</h2>
          <div className="govuk-button-group">
            {staff.twoFactorOn ? <ActionButton intent="reset-two-factor" text="Reset two-factor (lost phone)" /> : null}
            {staff.active ? <ActionButton intent="deactivate" text="Deactivate account" warning /> : <ActionButton intent="reactivate" text="Reactivate account" />}
          </div>
        </>
      )}
    </>
  );
}
