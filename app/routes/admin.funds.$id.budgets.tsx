import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Select } from "~/components/select";
import { fundSetup } from "~/domain/admin/index.server";
import { formatFinancialYear } from "~/domain/shared/time";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields, versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Set a budget for the ${data.fund.name}` : "Set a budget");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const url = new URL(request.url);
  const year = Number(url.searchParams.get("year"));
  return orNotFound(fundSetup.budgetForm(user.id, idParam(params.id), { financialYear: Number.isInteger(year) && year > 2000 ? year : null, area: url.searchParams.get("area") }));
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const raw = textFields(form);
  const result = await orNotFound(fundSetup.setBudget(user.id, fundId, raw, versionField(form), requestInfo(request, context).ip));
  if (result.kind === "saved") return redirect(`/admin/funds/${fundId}?done=budget#budgets`);
  if (result.kind === "conflict") {
    // Show the budget as it is now stored for that year and area, with the words the person typed kept aside.
    return data({ errors: null, conflict: result.message, values: null, reload: `?year=${encodeURIComponent(raw.financialYear ?? "")}&area=${encodeURIComponent(raw.area ?? "")}` }, { status: 409 });
  }
  return { errors: result.errors, conflict: null, values: raw, reload: null };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function BudgetForm() {
  const { fund, years, areas, version, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v = result?.values ?? values;
  return (
    <>
      <BackLink href={`/admin/funds/${fund.id}#budgets`} text={fund.name} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.conflict ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.conflict}</p>
              <p className="govuk-body">
                <a className="govuk-notification-banner__link" href={`/admin/funds/${fund.id}/budgets${result.reload ?? ""}`}>
                  See the budget as it is now
                </a>
              </p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={errors} order={["financialYear", "area", "amount"]} />
          <span className="govuk-caption-l">{fund.name}</span>
          <h1 className="govuk-heading-l">{version ? "Change a budget" : "Set a budget"}</h1>
          <p className="govuk-body">One amount for each financial year (April to March) and area. Setting the budget for a year and area that already has one changes it.</p>
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={version} />
            <Select id="financialYear" name="financialYear" label={{ text: "Financial year", classes: "govuk-label--s" }} value={v.financialYear ?? ""} errorMessage={fieldError(errors, "financialYear")} items={years.map((y) => ({ value: String(y), text: formatFinancialYear(y) }))} />
            <Select id="area" name="area" label={{ text: "District, or countywide", classes: "govuk-label--s" }} value={v.area ?? ""} errorMessage={fieldError(errors, "area")} items={[{ value: "", text: "Choose an area" }, ...areas.map((a) => ({ value: a.code, text: a.name }))]} />
            <Input id="amount" name="amount" label={{ text: "Budget", classes: "govuk-label--s" }} hint={{ text: "For example, 25,000" }} prefix={{ text: "£" }} classes="govuk-input--width-10" spellcheck={false} value={v.amount ?? ""} errorMessage={fieldError(errors, "amount")} />
            <Button text="Save budget" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
