import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { WarningText } from "~/components/warning-text";
import { reviewService } from "~/domain/applications/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `${data.batch.label}: what happened` : "Decisions");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return { batch: await orNotFound(reviewService.batch(user.id, idParam(params.id))) };
}

/** "Make the rest": a run cut short (a crash, a timeout) carries on from where it stopped. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  await orNotFound(reviewService.runRest(user.id, id, requestInfo(request, context).ip));
  return redirect(`/admin/decisions/${id}`);
}

const STATES: Record<string, { text: string; classes: string }> = {
  done: { text: "Decided and emailed", classes: "govuk-tag--green" },
  skipped: { text: "Left out", classes: "govuk-tag--yellow" },
  pending: { text: "Not done yet", classes: "govuk-tag--grey" },
};

export default function Batch() {
  const { batch } = useLoaderData<typeof loader>();
  const { done, skipped, pending } = batch.progress;
  return (
    <>
      {pending === 0 ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">
            {done === 1 ? "1 application decided" : `${done} applications decided`}; the groups have been emailed
          </p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{batch.fund.name}</span>
      <h1 className="govuk-heading-l">{batch.label}</h1>
      <p className="govuk-body">
        By {batch.by ?? "a former member of staff"}, {formatLondonDateTime(batch.createdAt)}. {done} decided, {skipped} left out
        {pending ? `, ${pending} not done yet` : ""}.
      </p>
      {pending ? (
        <form method="post">
          <CsrfField />
          <WarningText text={`${pending} of these were not decided: the run stopped before it finished. Nobody has been decided or emailed twice.`} />
          <Button text="Decide the rest" preventDoubleClick />
        </form>
      ) : null}
      <Table
        caption="Each application in this decision"
        captionClasses="govuk-visually-hidden"
        head={[{ text: "Application" }, { text: "Group" }, { text: "What happened" }]}
        rows={batch.items.map((i) => [
          {
            html: (
              <>
                <a className="govuk-link" href={`/admin/applications/${i.applicationId}`}>
                  {i.reference ?? "No reference"}
                </a>
                <br />
                {i.title ?? "Untitled"}
              </>
            ),
          },
          { text: i.group },
          { html: <>{<Tag {...(STATES[i.state] ?? STATES.pending)} />}{i.message ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{i.message}</p> : null}</> },
        ])}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={`/admin/applications?fund=${batch.fund.id}`}>
          Back to the applications
        </a>
      </p>
    </>
  );
}
