import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/notification-banner";
import { TaskList } from "~/components/task-list";
import { draftsService } from "~/domain/applications/index.server";
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
  const total = app.sections.length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {app.saved ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">Your answers have been saved</p>
            <p className="govuk-body">You can come back to this application at any time: it is on this page, under &ldquo;Your groups&rdquo;.</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{app.organisationName}</span>
        <h1 className="govuk-heading-l">{app.fundName} application</h1>
        {app.title ? <p className="govuk-body-l">{app.title}</p> : null}
        {!app.editable ? <p className="govuk-body">This application has been sent and can no longer be changed.</p> : null}
        <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{app.completedCount === total ? "Application complete" : "Application incomplete"}</h2>
        <p className="govuk-body govuk-!-margin-bottom-7">
          You have completed {app.completedCount} of {total} sections.
        </p>
        {app.resume && app.editable ? (
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
            Download a copy of this application (PDF)
          </a>
        </p>
      </div>
    </div>
  );
}
