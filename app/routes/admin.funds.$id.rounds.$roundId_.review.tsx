import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { reviewService } from "~/domain/applications/index.server";
import type { ReviewItem } from "~/domain/applications/review-pages.server";
import { formatPence } from "~/domain/shared/money";
import { formatLondonDate, formatLondonDateTime } from "~/domain/shared/time";
import { RowCheckbox } from "~/layout/select-rows";
import { StatusTag } from "~/layout/status-tag";
import { requireSignedIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Review: ${data.review.round.name}` : "Review");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const review = await orNotFound(reviewService.roundReview(user.id, idParam(params.id), idParam(params.roundId)));
  // "Select all" without JavaScript: the same page with every row of one list ticked.
  return { review, all: new URL(request.url).searchParams.get("all") };
}

const STAGE_WORDS: Record<string, string> = { outline: "Outline proposal", full: "Full application", single: "Application" };

function title(i: ReviewItem) {
  return (
    <>
      <a className="govuk-link" href={`/admin/applications/${i.id}`}>
        {i.reference ?? "No reference"}
      </a>
      <br />
      {i.title ?? "Untitled"}
      <br />
      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">{STAGE_WORDS[i.stage] ?? i.stage}</span>
    </>
  );
}

/** A list to act on together: each row chosen with a checkbox, the actions as buttons of one GET form. */
function Choose({ name, items, all, actions, caption }: { name: string; items: ReviewItem[]; all: boolean; actions: { value: string; text: string; secondary?: boolean }[]; caption: string }) {
  return (
    <form method="get" action="/admin/decisions/new">
      <p className="govuk-body">
        <a className="govuk-link" href={`?all=${name}#${name}`}>
          Select all {items.length}
        </a>
      </p>
      <Table
        caption={caption}
        captionClasses="govuk-visually-hidden"
        classes="app-table--compact"
        head={[{ text: "Select" }, { text: "Application" }, { text: "Group" }, { text: "Asks for", format: "numeric" }, { text: "Sent" }]}
        rows={items.map((i) => [
          { html: <RowCheckbox id={i.id} label={`Select ${i.reference ?? i.title ?? "application"} (${(STAGE_WORDS[i.stage] ?? i.stage).toLowerCase()})`} checked={all} /> },
          { html: title(i) },
          { text: i.group },
          { text: i.amountRequestedPence === null ? "" : formatPence(i.amountRequestedPence), format: "numeric" },
          { text: i.submittedAt ? formatLondonDate(i.submittedAt) : "" },
        ])}
      />
      <div className="govuk-button-group">
        {actions.map((a) => (
          <Button key={a.value} text={a.text} name="action" value={a.value} classes={a.secondary ? "govuk-button--secondary" : undefined} />
        ))}
      </div>
    </form>
  );
}

export default function RoundReview() {
  const { review: r, all } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/admin/funds/${r.fund.id}#rounds`} text={r.fund.name} />
      <span className="govuk-caption-l">{r.fund.name}</span>
      <h1 className="govuk-heading-l">Review: {r.round.name}</h1>
      <SummaryList
        rows={[
          { key: { text: r.fund.twoStage ? "Outline deadline" : "Closes" }, value: { text: formatLondonDateTime(r.round.closesAt) } },
          ...(r.round.fullApplicationDeadline ? [{ key: { text: "Full application deadline" }, value: { text: formatLondonDateTime(r.round.fullApplicationDeadline) } }] : []),
          ...(r.round.panelDate ? [{ key: { text: "Panel" }, value: { text: formatLondonDate(`${r.round.panelDate}T12:00:00.000Z`) } }] : []),
          { key: { text: "Feedback" }, value: { html: <a className="govuk-link" href={`/admin/funds/${r.fund.id}/feedback`}>The words each kind of decision starts with</a> } },
        ]}
      />

      <h2 className="govuk-heading-m" id="screen">
        Waiting to be screened ({r.toScreen.length})
      </h2>
      {r.toScreen.length === 0 ? (
        <p className="govuk-body">Nothing is waiting to be screened.</p>
      ) : (
        <Choose
          name="screen"
          items={r.toScreen}
          all={all === "screen"}
          caption="Applications waiting to be screened"
          actions={[
            { value: "mark_eligible", text: "Mark as eligible" },
            { value: "mark_ineligible", text: "Mark as ineligible", secondary: true },
            { value: "request_information", text: "Ask for more information", secondary: true },
          ]}
        />
      )}

      {r.fund.twoStage ? (
        <>
          <h2 className="govuk-heading-m" id="decide">
            Outline proposals waiting for a decision ({r.toDecide.length})
          </h2>
          {r.toDecide.length === 0 ? (
            <p className="govuk-body">No outline proposal is waiting for a decision.</p>
          ) : (
            <Choose
              name="decide"
              items={r.toDecide}
              all={all === "decide"}
              caption="Outline proposals waiting for a decision"
              actions={[
                { value: "invite", text: "Invite to full application" },
                { value: "strengthen", text: "Advise on strengthening", secondary: true },
                { value: "signpost", text: "Signpost", secondary: true },
                { value: "decline", text: "Decline", secondary: true },
              ]}
            />
          )}
          {r.decided.length ? (
            <>
              <h2 className="govuk-heading-m">Decided outline proposals ({r.decided.length})</h2>
              <Table
                caption="Outline proposals decided"
                captionClasses="govuk-visually-hidden"
                classes="app-table--compact"
                head={[{ text: "Application" }, { text: "Group" }, { text: "Decision" }]}
                rows={r.decided.map((i) => [{ html: title(i) }, { text: i.group }, { html: <StatusTag status={i.status} /> }])}
              />
            </>
          ) : null}
        </>
      ) : null}

      <h2 className="govuk-heading-m" id="to-send">
        Still to be sent ({r.stillToSend.length})
      </h2>
      <p className="govuk-body">Drafts not sent yet. A group that needs more time can be given a later deadline.</p>
      {r.stillToSend.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <Table
          caption="Applications still to be sent"
          captionClasses="govuk-visually-hidden"
          classes="app-table--compact"
          head={[{ text: "Application" }, { text: "Group" }, { text: "Status" }, { text: "Deadline" }, { text: "" }]}
          rows={r.stillToSend.map((i) => [
            { text: i.title ?? "Untitled" },
            { text: i.group },
            { html: <StatusTag status={i.status} /> },
            { text: `${formatLondonDateTime(i.deadline!)}${i.extended ? " (extended)" : ""}` },
            {
              html: (
                <a className="govuk-link" href={`/admin/applications/${i.id}/extension`}>
                  Give more time<span className="govuk-visually-hidden"> to {i.group}</span>
                </a>
              ),
            },
          ])}
        />
      )}
    </>
  );
}
