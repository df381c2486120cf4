import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { staffService } from "~/domain/organisations/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { GrantFields, grantInputFrom } from "~/layout/grant-fields";
import { requestInfo, requireServicePermission } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Invite a member of staff");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireServicePermission(request, context, "service.manage_staff");
  return staffService.grantOptions();
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireServicePermission(request, context, "service.manage_staff");
  const grant = grantInputFrom(form);
  const input = { email: field(form, "email"), fullName: field(form, "fullName"), ...grant };
  const result = await staffService.inviteStaff(user.id, input, requestInfo(request, context).ip);
  if (result.kind === "invalid") return { errors: result.errors, values: { email: input.email, fullName: input.fullName, role: grant.role, districtCodes: grant.districtCodes, fundIds: grant.fundIds.map(String) } };
  return redirect("/admin/staff?invited=1");
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function InviteStaff() {
  const options = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <BackLink href="/admin/staff" text="Staff" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={["fullName", "email", "role", "districtCodes", "fundIds"]} />
          <h1 className="govuk-heading-l">Invite a member of staff</h1>
          <p className="govuk-body">They will get an email with a link to choose a password and set up two-factor authentication.</p>
          <form method="post" noValidate>
            <CsrfField />
            <Input id="fullName" name="fullName" label={{ text: "Full name", classes: "govuk-label--s" }} spellcheck={false} value={result?.values.fullName ?? ""} errorMessage={fieldError(errors, "fullName")} />
            <Input id="email" name="email" type="email" label={{ text: "Work email address", classes: "govuk-label--s" }} spellcheck={false} autocomplete="off" value={result?.values.email ?? ""} errorMessage={fieldError(errors, "email")} />
            <GrantFields options={options} errors={errors} values={result?.values} />
            <Button text="Send invitation" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
