import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Textarea } from "~/components/textarea";
import { ADVICE_MAX } from "~/domain/coordinators/advice.rules";
import { coordinatorService } from "~/domain/coordinators/index.server";
import { AdviceThread } from "~/layout/advice-thread";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Advice from your Community Coordinator");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const advice = await orNotFound(coordinatorService.groupAdvice(user.id, idParam(params.id)));
  return { advice, replied: new URL(request.url).searchParams.has("replied") };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const result = await orNotFound(coordinatorService.reply(user.id, id, field(form, "reply"), requestInfo(request, context).ip));
  if (result.kind === "invalid") return { errors: result.errors, values: { reply: field(form, "reply") } };
  return redirect(`/applications/${id}/advice?replied=1`);
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function GroupAdvice() {
  const { advice: a, replied } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/applications/${a.id}`} text="Back to your application" />
        {replied ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">Your reply has been sent to your Community Coordinator</p>
          </NotificationBanner>
        ) : null}
        <FormErrors errors={result?.errors} order={["reply"]} />
        <span className="govuk-caption-l">
          {a.organisationName} · {a.fundName}
        </span>
        <h1 className="govuk-heading-l">Advice from your Community Coordinator</h1>
        {a.coordinatorName ? (
          <p className="govuk-body">
            Your Community Coordinator: <strong>{a.coordinatorName}</strong>
          </p>
        ) : null}
        <p className="govuk-body">
          Advice on {a.title ? <>&lsquo;{a.title}&rsquo;</> : "your application"}. Only your group and the council&rsquo;s staff can see it.
        </p>
        <AdviceThread thread={a.thread} adviceFrom="Community Coordinator" replyFrom="your group" />
        <form method="post" noValidate>
          <CsrfField />
          <Textarea
            id="reply"
            name="reply"
            rows={5}
            label={{ text: "Reply to your Community Coordinator", classes: "govuk-label--s" }}
            hint={{ text: `Up to ${ADVICE_MAX.toLocaleString("en-GB")} characters.` }}
            value={result?.values.reply ?? ""}
            errorMessage={fieldError(result?.errors, "reply")}
          />
          <Button text="Send reply" preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
