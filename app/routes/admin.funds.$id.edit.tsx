import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { fundSetup } from "~/domain/admin/index.server";
import { FUND_STATUSES } from "~/domain/funds/setup.schema";
import { FUND_FIELDS, FundDetailsFields } from "~/layout/fund-fields";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields, versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Change the details of the ${data.name}` : "Change a fund");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(fundSetup.fundForEdit(user.id, idParam(params.id)));
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const raw = textFields(form);
  const result = await orNotFound(fundSetup.updateFund(user.id, id, raw, versionField(form), requestInfo(request, context).ip));
  if (result.kind === "saved") return redirect(`/admin/funds/${id}?done=details`);
  if (result.kind === "conflict") return data({ errors: null, conflict: result.message, values: null }, { status: 409 });
  return { errors: result.errors, conflict: null, values: raw };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function EditFund() {
  const fund = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v = result?.values ?? fund.values;
  return (
    <>
      <BackLink href={`/admin/funds/${fund.id}`} text={fund.name} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.conflict ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.conflict}</p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={errors} order={FUND_FIELDS} />
          <span className="govuk-caption-l">{fund.name}</span>
          <h1 className="govuk-heading-l">Change the fund&rsquo;s details</h1>
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={fund.version} />
            <FundDetailsFields values={v} errors={errors} />
            <Radios
              name="status"
              idPrefix="status"
              fieldset={{ legend: { text: "Who sees the fund", classes: "govuk-fieldset__legend--s" } }}
              value={v.status ?? ""}
              errorMessage={fieldError(errors, "status")}
              items={FUND_STATUSES.map((s) => ({ value: s.value, text: s.label, hint: { text: s.hint } }))}
            />
            <Button text="Save" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
