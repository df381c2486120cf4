import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { TaskList } from "~/components/task-list";
import { draftsService } from "~/domain/applications/index.server";
import { nextStepPath } from "~/domain/applications/next-step";
import { NEXT_STEP_TITLES } from "~/layout/next-step";
import { CoordinatorOffer } from "~/layout/coordinator-offer";
import { requireSignedIn } from "~/utils/auth.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `${data.fundName} application` : "Application");

const STATUS = {
  not_started: { text: "Not yet started", classes: "govuk-tag--blue" },
  in_progress: { text: "In progress", classes: "govuk-tag--light-blue" },
  completed: null,
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const list = await orNotFound(draftsService.taskList(user.id, idParam(params.id)));
  return { ...list, saved: new URL(request.url).searchParams.has("saved") };
}

export default function Application() {
  const app = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {app.saved ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">Your answers have been saved</p>
            <p className="govuk-body">You can come back to this application at any time from &ldquo;Your applications&rdquo;.</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{app.organisationName}</span>
        <h1 className="govuk-heading-l">{app.fundName} {app.stage.toLowerCase()}</h1>
        {app.title ? <p className="govuk-body-l">{app.title}</p> : null}
        {app.message ? <FundMessage message={app.message} /> : null}
        <Support app={app} />
        {!app.editable ? <Sent app={app} /> : <Sections app={app} />}
      </div>
    </div>
  );
}

type App = ReturnType<typeof useLoaderData<typeof loader>>;

/** What the fund last told the group: a request for more information, feedback, where to go next. */
function FundMessage({ message }: { message: NonNullable<App["message"]> }) {
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-m">{message.heading}</h2>
      {message.body?.split("\n").map((line, i) => (
        <p key={i} className="govuk-body">
          {line}
        </p>
      ))}
      {message.referral ? (
        <>
          <p className="govuk-body">
            We suggest you contact <strong>{message.referral.to}</strong>.
          </p>
          <p className="govuk-body">{message.referral.reason}</p>
        </>
      ) : null}
    </div>
  );
}

/** The group's Community Coordinator, and their advice to read and answer. */
function Support({ app }: { app: App }) {
  const s = app.support;
  if (!s.coordinatorName && s.adviceCount === 0 && !s.offer) return null;
  return (
    <div className="govuk-inset-text" id="coordinator">
      {s.offer && !s.coordinatorName ? <CoordinatorOffer offer={s.offer} /> : null}
      {s.coordinatorName ? (
        <p className="govuk-body">
          Your Community Coordinator: <strong>{s.coordinatorName}</strong>
        </p>
      ) : null}
      {s.adviceCount > 0 ? (
        <p className="govuk-body">
          {s.conversation === "advised" ? <strong>You have advice from your Community Coordinator. </strong> : null}
          {app.member ? (
            <a className="govuk-link" href={`/applications/${app.id}/advice`}>
              {s.conversation === "advised" ? "Read the advice and reply" : "Read the advice and your replies"}
            </a>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/** Once sent: where it is and what happens next. */
function Sent({ app }: { app: App }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: { text: "Reference" }, value: { text: app.reference ?? "None" } },
          { key: { text: "Status" }, value: { html: <Tag {...app.progress.tag} /> } },
          { key: { text: "What happens next" }, value: { text: app.progress.next } },
        ]}
      />
      {app.nextStep && app.nextStep.startedId === null && app.member ? (
        <Button text={NEXT_STEP_TITLES[app.nextStep.step]} href={nextStepPath(app.id, app.nextStep.step)} />
      ) : app.nextStep?.startedId ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/applications/${app.nextStep.startedId}`}>
            {app.nextStep.step === "full" ? "Go to your full application" : "Go to your revised outline proposal"}
          </a>
        </p>
      ) : null}
      <p className="govuk-body">{app.stage === "Outline proposal" ? "This outline proposal" : "It"} can no longer be changed.</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`/applications/${app.id}/check`}>
            View your answers
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/applications/${app.id}/pdf`} download>
            Download a copy of this {app.stage.toLowerCase()} (PDF)
          </a>
        </li>
        {app.canWithdraw ? (
          <li>
            <a className="govuk-link" href={`/applications/${app.id}/withdraw`}>
              Withdraw this application
            </a>
          </li>
        ) : null}
        <li>
          <a className="govuk-link" href="/applications">
            All your applications
          </a>
        </li>
      </ul>
    </>
  );
}

/** While it can be changed: the task list. */
function Sections({ app }: { app: App }) {
  const total = app.sections.length;
  return (
    <>
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{app.completedCount === total ? "Application complete" : "Application incomplete"}</h2>
      <p className="govuk-body govuk-!-margin-bottom-7">
        You have completed {app.completedCount} of {total} sections.
      </p>
      {app.resume ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/applications/${app.id}/${app.resume.section}/${app.resume.page}`}>
            Carry on where you left off
          </a>
        </p>
      ) : null}
      <TaskList
        idPrefix="sections"
        items={app.sections.map((s) => ({
          title: { text: s.title },
          href: `/applications/${app.id}/${s.key}/${s.firstPage}`,
          status: STATUS[s.status] ? { tag: STATUS[s.status]! } : { text: "Completed" },
        }))}
      />
      <p className="govuk-body">
        <a className="govuk-button" href={`/applications/${app.id}/check`}>
          Check your answers
        </a>
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/applications/${app.id}/pdf`} download>
          Download a copy of this {app.stage.toLowerCase()} (PDF)
        </a>
      </p>
      {app.canWithdraw ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/applications/${app.id}/withdraw`}>
            Withdraw this application
          </a>
        </p>
      ) : null}
    </>
  );
}
