import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Panel } from "~/components/panel";
import { CoordinatorOffer } from "~/layout/coordinator-offer";
import { submissionService } from "~/domain/applications/index.server";
import { requireSignedIn } from "~/utils/auth.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Application submitted");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const view = await orNotFound(submissionService.submitted(user.id, id));
  if (!view) throw redirect(`/applications/${id}`);
  return view;
}

export default function Submitted() {
  const page = useLoaderData<typeof loader>();
  const outline = page.stage === "Outline proposal";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel titleText={outline ? "Outline proposal submitted" : "Application submitted"}>
          Your reference number
          <br />
          <strong>{page.reference}</strong>
        </Panel>
        <p className="govuk-body">
          {page.organisationName} has sent {page.title ? <>&lsquo;{page.title}&rsquo;</> : "its application"} to the {page.fundName}. We have emailed everyone in
          your group to say we have it. Use the reference if you contact us.
        </p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          We will check your {outline ? "outline proposal" : "application"} and email you to say whether it can go forward. We may ask you for more information first.
        </p>
        {outline ? (
          <p className="govuk-body">A panel of councillors and officers then reviews it. It may invite you to make a full application.</p>
        ) : (
          <p className="govuk-body">The panel for your district then decides, and we email you its decision.</p>
        )}
        {page.offer ? (
          <div className="govuk-inset-text">
            <CoordinatorOffer offer={page.offer} />
          </div>
        ) : null}
        <p className="govuk-body">
          <a className="govuk-link" href="/applications">
            See your applications
          </a>
        </p>
      </div>
    </div>
  );
}
