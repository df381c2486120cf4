import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { reviewService } from "~/domain/applications/index.server";
import { CsrfField } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Emails about new submissions");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const funds = await reviewService.preferences(user.id);
  // A staff page: for anyone else there is no such page.
  if (funds === null) throw new Response("Not found", { status: 404 });
  return { funds, saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const funds = await reviewService.preferences(user.id);
  if (funds === null) throw new Response("Not found", { status: 404 });
  const choices: Record<number, "each" | "digest"> = {};
  for (const f of funds) {
    const v = field(form, `fund-${f.fundId}`);
    if (v === "each" || v === "digest") choices[f.fundId] = v;
  }
  await reviewService.savePreferences(user.id, choices, requestInfo(request, context).ip);
  return redirect("/admin/notifications?saved=1");
}

export default function Notifications() {
  const { funds, saved } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">Your choices have been saved</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Emails about new submissions</h1>
        {funds.length === 0 ? (
          <p className="govuk-body">Only a fund&rsquo;s administrators get emails about new submissions, and you are not an administrator of any fund.</p>
        ) : (
          <p className="govuk-body">For each fund you look after, choose whether to get an email as each application is sent, or one email a day (from 8am) listing them.</p>
        )}
        {funds.length === 0 ? null : (
        <form method="post" noValidate>
          <CsrfField />
          {funds.map((f) => (
            <Radios
              key={f.fundId}
              name={`fund-${f.fundId}`}
              idPrefix={`fund-${f.fundId}`}
              fieldset={{ legend: { text: f.fundName, classes: "govuk-fieldset__legend--s" } }}
              value={f.newSubmissions}
              items={[
                { value: "each", text: "An email for each new submission" },
                { value: "digest", text: "A daily digest" },
              ]}
            />
          ))}
          <Button text="Save choices" />
        </form>
        )}
      </div>
    </div>
  );
}
