import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Textarea } from "~/components/textarea";
import { reviewService } from "~/domain/applications/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { LondonDateTime } from "~/layout/setup-fields";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Give the group more time");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return { view: await orNotFound(reviewService.extension(user.id, idParam(params.id))), done: new URL(request.url).searchParams.has("granted") };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const raw = textFields(form);
  const result = await orNotFound(reviewService.extend(user.id, id, raw, requestInfo(request, context).ip));
  if (result.kind === "granted") return redirect(`/admin/applications/${id}/extension?granted=1`);
  return { errors: result.errors, values: raw };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function Extension() {
  const { view: v, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  return (
    <>
      <BackLink href={`/admin/funds/${v.fundId}/rounds/${v.roundId}/review#to-send`} text="Back to the round's review" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={result?.errors} order={["closes-day", "closes-time", "reason", "message"]} />
          {done ? (
            <NotificationBanner type="success" titleText="Success">
              <p className="govuk-notification-banner__heading">
                {v.group} now has until {formatLondonDateTime(v.deadline)}. We have emailed them.
              </p>
            </NotificationBanner>
          ) : null}
          <span className="govuk-caption-l">{v.fundName}</span>
          <h1 className="govuk-heading-l">Give {v.group} more time</h1>
          <SummaryList
            rows={[
              { key: { text: "Application" }, value: { text: `${v.reference ?? "Not sent yet"}: ${v.title ?? "Untitled"}` } },
              { key: { text: "Status" }, value: { text: v.status } },
              { key: { text: "Deadline now" }, value: { text: `${formatLondonDateTime(v.deadline)}${v.extended ? " (already extended)" : ""}` } },
            ]}
          />
          <form method="post" noValidate>
            <CsrfField />
            <LondonDateTime name="closes" legend="New deadline" hint="For example, 14 4 2027. Time: 5pm when left empty." values={values} errors={result?.errors} time />
            <Textarea id="reason" name="reason" rows={2} label={{ text: "Why (for the fund's staff)", classes: "govuk-label--s" }} value={values.reason ?? ""} errorMessage={fieldError(result?.errors, "reason")} />
            <Textarea
              id="message"
              name="message"
              rows={3}
              label={{ text: "A message for the group (optional)", classes: "govuk-label--s" }}
              hint={{ text: "It goes in the email telling them of the new deadline." }}
              value={values.message ?? ""}
              errorMessage={fieldError(result?.errors, "message")}
            />
            <Button text="Give more time and email the group" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
