import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Textarea } from "~/components/textarea";
import { reviewService } from "~/domain/applications/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm, withFormErrors } from "~/utils/form.server";
import { textFields } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Feedback templates");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return { view: await orNotFound(reviewService.templates(user.id, idParam(params.id))), saved: new URL(request.url).searchParams.has("saved") };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const raw = textFields(form);
  const result = await orNotFound(reviewService.saveTemplates(user.id, id, raw, requestInfo(request, context).ip));
  if (result.kind === "saved") return redirect(`/admin/funds/${id}/feedback?saved=1`);
  return { errors: result.errors, values: raw };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function FeedbackTemplates() {
  const { view, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink href={`/admin/funds/${view.fund.id}`} text={view.fund.name} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {saved ? (
            <NotificationBanner type="success" titleText="Success">
              <p className="govuk-notification-banner__heading">Feedback templates saved</p>
            </NotificationBanner>
          ) : null}
          <FormErrors errors={result?.errors} order={view.templates.map((t) => t.action)} />
          <span className="govuk-caption-l">{view.fund.name}</span>
          <h1 className="govuk-heading-l">Feedback templates</h1>
          <p className="govuk-body">
            The words each decision&rsquo;s feedback starts with. You can change them for each group before the email goes. {"{group}"}, {"{title}"}, {"{reference}"} and{" "}
            {"{fund}"} are filled in for each group.
          </p>
          <form method="post" noValidate>
            <CsrfField />
            {view.templates.map((t) => (
              <Textarea
                key={t.action}
                id={t.action}
                name={t.action}
                rows={5}
                label={{ text: t.label, classes: "govuk-label--s" }}
                value={result?.values[t.action] ?? t.body}
                errorMessage={fieldError(result?.errors, t.action)}
              />
            ))}
            <Button text="Save templates" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
