import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Select } from "~/components/select";
import { fundSetup } from "~/domain/admin/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { LondonDateTime } from "~/layout/setup-fields";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields, versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.round ? `Change ${data.round.name}` : "Add a round");

/** "new", or a round's id. */
function roundParam(value: string | undefined): number | null {
  return value === "new" ? null : idParam(value);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(fundSetup.roundForm(user.id, idParam(params.id), roundParam(params.roundId)));
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const raw = textFields(form);
  const result = await orNotFound(fundSetup.saveRound(user.id, fundId, roundParam(params.roundId), raw, versionField(form), requestInfo(request, context).ip));
  if (result.kind === "saved") return redirect(`/admin/funds/${fundId}?done=round#rounds`);
  if (result.kind === "conflict") return data({ errors: null, conflict: result.message, values: null }, { status: 409 });
  return { errors: result.errors, conflict: null, values: raw };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

const ORDER = ["name", "area", "opens-day", "opens-month", "opens-year", "opens-time", "closes-day", "closes-month", "closes-year", "closes-time", "full-day", "full-month", "full-year", "full-time", "panel-day", "panel-month", "panel-year"];

export default function RoundForm() {
  const { fund, areas, round, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v = result?.values ?? values;
  return (
    <>
      <BackLink href={`/admin/funds/${fund.id}#rounds`} text={fund.name} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.conflict ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.conflict}</p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={errors} order={ORDER} />
          <span className="govuk-caption-l">{fund.name}</span>
          <h1 className="govuk-heading-l">{round ? `Change ${round.name}` : "Add a round"}</h1>
          {round ? null : <p className="govuk-body">The round uses the fund&rsquo;s latest published application form; later changes to the form apply to rounds added after them.</p>}
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={round?.version ?? 0} />
            <Input id="name" name="name" label={{ text: "Name of the round", classes: "govuk-label--s" }} hint={{ text: fund.perDistrict ? "For example, Fenland, 2027 to 2028" : "For example, Quarter 1, 2027 to 2028" }} value={v.name ?? ""} errorMessage={fieldError(errors, "name")} />
            <Select
              id="area"
              name="area"
              label={{ text: fund.perDistrict ? "District" : "Area", classes: "govuk-label--s" }}
              hint={fund.perDistrict ? { text: "Each district has its own round and pot" } : undefined}
              value={v.area ?? ""}
              errorMessage={fieldError(errors, "area")}
              items={[{ value: "", text: fund.perDistrict ? "Choose a district" : "Choose an area" }, ...areas.map((a) => ({ value: a.code, text: a.name }))]}
            />
            <LondonDateTime name="opens" legend="Opens" hint="For example, 1 4 2027. If you leave the time empty, it opens at midnight" values={v} errors={errors} time timeHint="For example, 9am or 09:00" />
            <LondonDateTime
              name="closes"
              legend={fund.twoStage ? "Outline deadline" : "Closes"}
              hint="For example, 31 3 2028. If you leave the time empty, it closes at 5pm"
              values={v}
              errors={errors}
              time
              timeHint="For example, 5pm or 17:00"
            />
            {fund.twoStage ? <LondonDateTime name="full" legend="Full application deadline" hint="If you leave the time empty, it is 5pm" values={v} errors={errors} time /> : null}
            <LondonDateTime name="panel" legend="Panel date (optional)" hint="The day the selection panel meets" values={v} errors={errors} time={false} />
            <Button text={round ? "Save round" : "Add round"} preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
