import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Fieldset } from "~/components/fieldset";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Textarea } from "~/components/textarea";
import { fundSetup } from "~/domain/admin/index.server";
import { criterionRows } from "~/domain/funds/setup.schema";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `${data.stageName} scoring criteria` : "Scoring criteria");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(fundSetup.criteriaForm(user.id, idParam(params.id), params.stage ?? ""));
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const raw = textFields(form);
  if (form.get("intent") === "add") return { errors: null, conflict: null, values: raw, extra: 1 };
  const result = await orNotFound(fundSetup.saveCriteria(user.id, fundId, params.stage ?? "", raw, requestInfo(request, context).ip));
  if (result.kind === "saved") return redirect(`/admin/funds/${fundId}?done=criteria#criteria`);
  if (result.kind === "conflict") return data({ errors: null, conflict: result.message, values: null, extra: 0 }, { status: 409 });
  return { errors: result.errors, conflict: null, values: raw, extra: 0 };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function CriteriaForm() {
  const { fund, stageName, count, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v: Record<string, string> = result?.values ?? values;
  const rows = Math.max(result?.values ? criterionRows(result.values) : count, 1) + (result?.extra ?? 0);
  const order = ["weights", ...Array.from({ length: rows }, (_, i) => ["title", "description", "weight", "maxScore", "descriptors"].map((n) => `criteria-${i}-${n}`)).flat()];
  return (
    <>
      <BackLink href={`/admin/funds/${fund.id}#criteria`} text={fund.name} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.conflict ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.conflict}</p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={errors} order={order} />
          <span className="govuk-caption-l">{fund.name}</span>
          <h1 className="govuk-heading-l">{stageName} scoring criteria</h1>
          <p className="govuk-body">Panel members score each criterion. Its weight is its share of the total: the weights must add up to 100. To remove a criterion, empty its fields.</p>
          <form method="post" noValidate>
            <CsrfField />
            <div id="weights" className={errors?.weights ? "govuk-form-group govuk-form-group--error" : undefined}>
              {errors?.weights ? (
                <p className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {errors.weights}
                </p>
              ) : null}
              {Array.from({ length: rows }, (_, i) => {
                const f = (n: string) => `criteria-${i}-${n}`;
                return (
                  <Fieldset key={i} legend={{ text: `Criterion ${i + 1}`, classes: "govuk-fieldset__legend--m" }} classes="app-criterion">
                    <input type="hidden" name={f("id")} value={v[f("id")] ?? ""} />
                    <input type="hidden" name={f("version")} value={v[f("version")] ?? ""} />
                    <Input id={f("title")} name={f("title")} label={{ text: "Title" }} value={v[f("title")] ?? ""} errorMessage={fieldError(errors, f("title"))} />
                    <Textarea id={f("description")} name={f("description")} rows={2} label={{ text: "What it looks for" }} value={v[f("description")] ?? ""} errorMessage={fieldError(errors, f("description"))} />
                    <Input id={f("weight")} name={f("weight")} label={{ text: "Weight" }} suffix={{ text: "%" }} classes="govuk-input--width-3" inputmode="numeric" value={v[f("weight")] ?? ""} errorMessage={fieldError(errors, f("weight"))} />
                    <Input id={f("maxScore")} name={f("maxScore")} label={{ text: "Highest score" }} hint={{ text: "Scores run from 0 to this number" }} classes="govuk-input--width-3" inputmode="numeric" value={v[f("maxScore")] ?? "4"} errorMessage={fieldError(errors, f("maxScore"))} />
                    <Textarea
                      id={f("descriptors")}
                      name={f("descriptors")}
                      rows={5}
                      label={{ text: "What each score means" }}
                      hint={{ text: "One a line, from 0 upwards. For example: 0: Not met: no evidence" }}
                      value={v[f("descriptors")] ?? ""}
                      errorMessage={fieldError(errors, f("descriptors"))}
                    />
                  </Fieldset>
                );
              })}
            </div>
            <div className="govuk-button-group">
              <Button text="Save criteria" name="intent" value="save" preventDoubleClick />
              <Button text="Add another criterion" name="intent" value="add" classes="govuk-button--secondary" />
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
