import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { accounts } from "~/domain/accounts/index.server";
import { requireSignedIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Your account");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const [staff, codesLeft] = await Promise.all([accounts.isStaffUser(user.id), user.totpEnabled ? accounts.recoveryCodesLeft(user.id) : 0]);
  const notice = new URL(request.url).searchParams.get("done");
  return { name: user.fullName, email: user.email, totpEnabled: user.totpEnabled, staff, codesLeft, notice: notice === "password" ? "password" : null };
}

export default function Account() {
  const { name, email, totpEnabled, staff, codesLeft, notice } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice === "password" ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">Your password has been changed</p>
            <p className="govuk-body">Every other device signed in to your account has been signed out.</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: { text: "Name" }, value: { text: name } },
            { key: { text: "Email address" }, value: { text: email } },
            {
              key: { text: "Password" },
              value: { text: "••••••••••••" },
              actions: { items: [{ href: "/account/password", text: "Change", visuallyHiddenText: "password" }] },
            },
            {
              key: { text: "Two-factor authentication" },
              value: {
                text: totpEnabled
                  ? `On. ${codesLeft} recovery code${codesLeft === 1 ? "" : "s"} left.`
                  : staff
                    ? "Off. Staff accounts must turn it on."
                    : "Off",
              },
              actions: { items: [{ href: "/account/two-factor", text: totpEnabled ? "Manage" : "Turn on", visuallyHiddenText: "two-factor authentication" }] },
            },
          ]}
        />
        <p className="govuk-body">Your group, and your applications, come next in this service.</p>
      </div>
    </div>
  );
}
