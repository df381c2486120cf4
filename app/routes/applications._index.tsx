import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { myApplicationsService } from "~/domain/applications/index.server";
import { nextStepPath } from "~/domain/applications/next-step";
import { NEXT_STEP_TITLES } from "~/layout/next-step";
import { formatLondonDate, formatLondonDateTime } from "~/domain/shared/time";
import { requireSignedIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Your applications");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const groups = await myApplicationsService.list(user.id);
  const withdrawn = Number(new URL(request.url).searchParams.get("withdrawn"));
  const gone = groups.flatMap((g) => g.applications).find((a) => a.id === withdrawn && a.status === "withdrawn");
  return { groups, withdrawn: gone ? { title: gone.title, reference: gone.reference } : null };
}

export default function YourApplications() {
  const { groups, withdrawn } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {withdrawn ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">
              {withdrawn.title ? `‘${withdrawn.title}’` : "The application"} {withdrawn.reference ? `(${withdrawn.reference}) ` : ""}has been withdrawn
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your applications</h1>
        {groups.length === 0 ? (
          <p className="govuk-body">
            You are not in a group yet.{" "}
            <a className="govuk-link" href="/groups/new">
              Add your group
            </a>{" "}
            to apply for a grant for it, or ask your group&rsquo;s admin to invite you.
          </p>
        ) : null}
        {groups.map(({ group, applications }) => (
          <section key={group.id} className="govuk-!-margin-bottom-9" aria-labelledby={`group-${group.id}`}>
            <h2 className="govuk-heading-m" id={`group-${group.id}`}>
              {group.name}
            </h2>
            {applications.length === 0 ? (
              <p className="govuk-body">
                No applications yet.{" "}
                <a className="govuk-link" href="/">
                  Find a fund to apply to
                </a>
              </p>
            ) : (
              applications.map((a) => (
                <div key={a.id} className="govuk-summary-card">
                  <div className="govuk-summary-card__title-wrapper">
                    <h3 className="govuk-summary-card__title">
                      {a.title ?? "Untitled application"}
                      <span className="govuk-caption-m">
                        {a.fundName}, {a.stage.toLowerCase()}
                      </span>
                    </h3>
                    <ul className="govuk-summary-card__actions">
                      <li className="govuk-summary-card__action">
                        <a className="govuk-link" href={a.canEdit ? `/applications/${a.id}` : `/applications/${a.id}/check`}>
                          {a.canEdit ? "Continue" : "View"}
                          <span className="govuk-visually-hidden"> {a.title ?? "application"}</span>
                        </a>
                      </li>
                      {a.nextStep && a.nextStep.startedId === null ? (
                        <li className="govuk-summary-card__action">
                          <a className="govuk-link" href={nextStepPath(a.id, a.nextStep.step)}>
                            {NEXT_STEP_TITLES[a.nextStep.step]}
                            <span className="govuk-visually-hidden"> for {a.title ?? "this proposal"}</span>
                          </a>
                        </li>
                      ) : null}
                      {a.reference ? (
                        <li className="govuk-summary-card__action">
                          <a className="govuk-link" href={`/applications/${a.id}/pdf`} download>
                            Download (PDF)<span className="govuk-visually-hidden"> a copy of {a.title ?? "the application"}</span>
                          </a>
                        </li>
                      ) : null}
                      {a.canWithdraw ? (
                        <li className="govuk-summary-card__action">
                          <a className="govuk-link" href={`/applications/${a.id}/withdraw`}>
                            Withdraw<span className="govuk-visually-hidden"> {a.title ?? "application"}</span>
                          </a>
                        </li>
                      ) : null}
                    </ul>
                  </div>
                  <div className="govuk-summary-card__content">
                    <SummaryList
                      rows={[
                        { key: { text: "Reference" }, value: { text: a.reference ?? "Draft" } },
                        { key: { text: "Status" }, value: { html: <Tag {...a.progress.tag} /> } },
                        ...(a.deadline ? [{ key: { text: "Deadline" }, value: { text: `Send it by ${formatLondonDateTime(a.deadline)}` } }] : []),
                        ...(a.submittedAt ? [{ key: { text: "Sent" }, value: { text: formatLondonDate(a.submittedAt) } }] : []),
                        { key: { text: "What happens next" }, value: { text: a.progress.next } },
                      ]}
                    />
                  </div>
                </div>
              ))
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
