import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Textarea } from "~/components/textarea";
import { ADVICE_MAX } from "~/domain/coordinators/advice.rules";
import { coordinatorService } from "~/domain/coordinators/index.server";
import { AdviceThread } from "~/layout/advice-thread";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { StatusTag } from "~/layout/status-tag";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `${data.application.organisationName}: ${data.application.title ?? "application"}` : "Application");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const application = await orNotFound(coordinatorService.application(user.id, idParam(params.id)));
  const done = new URL(request.url).searchParams;
  return { application, advised: done.has("advised"), takenOn: done.has("taken-on") };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const ip = requestInfo(request, context).ip;
  const intent = field(form, "intent");
  if (intent === "take-on") {
    await orNotFound(coordinatorService.takeOn(user.id, id, ip));
    return redirect(`/coordinator/applications/${id}?taken-on=1`);
  }
  if (intent !== "advice") throw new Response("Unknown action", { status: 400 });
  const result = await orNotFound(coordinatorService.giveAdvice(user.id, id, field(form, "advice"), ip));
  if (result.kind === "invalid") return { errors: result.errors, values: { advice: field(form, "advice") } };
  return redirect(`/coordinator/applications/${id}?advised=1#conversation`);
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function CoordinatorApplication() {
  const { application: a, advised, takenOn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink href="/coordinator" text="Your districts" />
      {advised || takenOn ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">{advised ? "Advice sent to the group" : "You are now named as the group's Community Coordinator"}</p>
        </NotificationBanner>
      ) : null}
      <FormErrors errors={result?.errors} order={["advice"]} />
      <span className="govuk-caption-l">
        {a.reference ?? "Draft"} · {a.fundName}
      </span>
      <h1 className="govuk-heading-l">{a.title ?? a.organisationName}</h1>
      <p className="govuk-body">
        <StatusTag status={a.status} />
      </p>
      <SummaryList
        rows={[
          { key: { text: "Group" }, value: { text: a.organisationName } },
          { key: { text: "District" }, value: { text: a.districtName ?? "Not known yet" } },
          { key: { text: "Lead contact" }, value: { text: a.leadContact } },
          { key: { text: "Community Coordinator" }, value: { text: a.coordinatorName ?? "No one yet" } },
        ]}
      />
      {!a.isNamedCoordinator ? (
        <form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="take-on" />
          <Button text="Take on this group" classes="govuk-button--secondary" preventDoubleClick />
        </form>
      ) : null}

      <h2 className="govuk-heading-l" id="conversation">
        Advice
      </h2>
      <p className="govuk-body">The group sees your advice and can reply to it. The fund&rsquo;s staff can read it too.</p>
      <AdviceThread thread={a.thread} adviceFrom="Community Coordinator" replyFrom={a.organisationName} />
      <form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="advice" />
        <Textarea
          id="advice"
          name="advice"
          rows={5}
          label={{ text: "Give advice", classes: "govuk-label--s" }}
          hint={{ text: `The group's members are emailed a link to it. Up to ${ADVICE_MAX.toLocaleString("en-GB")} characters.` }}
          value={result?.values.advice ?? ""}
          errorMessage={fieldError(result?.errors, "advice")}
        />
        <Button text="Send advice" preventDoubleClick />
      </form>

      <h2 className="govuk-heading-l" id="answers">
        Answers so far
      </h2>
      {a.sections.map((s) => (
        <SummaryList
          key={s.key}
          card={{ title: { text: s.title, headingLevel: 3 } }}
          rows={s.rows.map((r) => ({
            key: { text: r.label },
            value: { html: r.lines.length ? <>{r.lines.map((l, i) => <p key={i} className="govuk-body govuk-!-margin-bottom-1">{l}</p>)}</> : <span className="govuk-hint govuk-!-margin-0">Not answered</span> },
          }))}
        />
      ))}
    </>
  );
}
