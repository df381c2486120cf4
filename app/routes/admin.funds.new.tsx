import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { fundSetup } from "~/domain/admin/index.server";
import { FUND_FIELDS, FundDetailsFields } from "~/layout/fund-fields";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireServicePermission } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Create a fund");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireServicePermission(request, context, "service.create_fund");
  return {};
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireServicePermission(request, context, "service.create_fund");
  const raw = textFields(form);
  const result = await fundSetup.createFund(user.id, raw, requestInfo(request, context).ip);
  if (result.kind === "saved") return redirect(`/admin/funds/${result.fundId}?done=created`);
  return { errors: result.kind === "invalid" ? result.errors : { name: result.message }, values: raw };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function NewFund() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v = result?.values ?? {};
  return (
    <>
      <BackLink href="/admin/funds" text="Funds you manage" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={FUND_FIELDS} />
          <h1 className="govuk-heading-l">Create a fund</h1>
          <p className="govuk-body">The fund starts as a draft that only staff see. Add its scoring criteria, rounds and budgets, then open it to the public.</p>
          <form method="post" noValidate>
            <CsrfField />
            <Input
              id="code"
              name="code"
              label={{ text: "Reference code", classes: "govuk-label--s" }}
              hint={{ text: "2 to 6 letters at the start of every reference, like CRF in CRF-2026-00042. It cannot change later" }}
              classes="govuk-input--width-5"
              spellcheck={false}
              value={v.code ?? ""}
              errorMessage={fieldError(errors, "code")}
            />
            <FundDetailsFields values={v} errors={errors} />
            <Radios
              name="stages"
              idPrefix="stages"
              fieldset={{ legend: { text: "Stages", classes: "govuk-fieldset__legend--s" } }}
              value={v.stages ?? ""}
              errorMessage={fieldError(errors, "stages")}
              items={[
                { value: "single", text: "One stage: groups send one application" },
                { value: "two_stage", text: "Two stages: an outline proposal, then a full application for those invited" },
              ]}
            />
            <Radios
              name="roundsPerDistrict"
              idPrefix="roundsPerDistrict"
              fieldset={{ legend: { text: "Does each district have its own rounds and budget?", classes: "govuk-fieldset__legend--s" } }}
              value={v.roundsPerDistrict ?? ""}
              errorMessage={fieldError(errors, "roundsPerDistrict")}
              classes="govuk-radios--inline"
              items={[
                { value: "yes", text: "Yes" },
                { value: "no", text: "No, countywide" },
              ]}
            />
            <Button text="Create fund" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
