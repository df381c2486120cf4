/**
 * GOV.UK Frontend Notification banner (`govukNotificationBanner` macro, govuk-frontend 6.6.0
 * `components/notification-banner/template.njk`).
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, hasChildren, type HtmlOption } from "./html";

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface NotificationBannerProps {
  /** Text of the banner, shown as a `govuk-notification-banner__heading` paragraph. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML for the banner content. Ignored if `children` is given. */
  html?: string;
  /** React content for the banner (the macro's `caller` block); wins over `html` and `text`. */
  children?: ReactNode;
  /** Title text. Defaults to `"Important"`, or `"Success"` for `type: "success"`. Ignored if `titleHtml` is given. */
  titleText?: string;
  /** Trusted HTML string or React content for the title. */
  titleHtml?: HtmlOption;
  /** Heading level of the title. Defaults to 2. */
  titleHeadingLevel?: HeadingLevel | `${HeadingLevel}`;
  /** `"success"` for the green success banner (`role="alert"`, title "Success"). */
  type?: "success" | (string & {});
  /** The banner's `role`. Defaults to `"region"`, or `"alert"` for `type: "success"`. */
  role?: string;
  /** `id` of the title, referenced by `aria-labelledby`. Defaults to `"govuk-notification-banner-title"`. */
  titleId?: string;
  /** Sets `data-disable-auto-focus` (when given): stop the JavaScript focusing a success/alert banner. */
  disableAutoFocus?: boolean;
  /** Classes to add to the banner. */
  classes?: string;
  /** HTML attributes to add to the banner. */
  attributes?: Attributes;
}

export function NotificationBanner(props: NotificationBannerProps) {
  const { text, html, children, titleText, titleHtml, titleHeadingLevel, type, titleId, disableAutoFocus, classes, attributes } = props;
  const success = type === "success";
  const role = props.role || (success ? "alert" : "region");
  const title: ReactNode = titleHtml ? undefined : titleText || (success ? "Success" : "Important");
  const id = titleId || "govuk-notification-banner-title";
  const Heading = `h${titleHeadingLevel || 2}` as "h2";

  let body: ReactNode;
  if (hasChildren(children) || html) {
    body = <div className="govuk-notification-banner__content" {...content(children, html)} />;
  } else {
    body = (
      <div className="govuk-notification-banner__content">{text ? <p className="govuk-notification-banner__heading">{text}</p> : null}</div>
    );
  }

  return (
    <div
      {...attributesToProps(attributes)}
      className={cx("govuk-notification-banner", success && `govuk-notification-banner--${type}`, classes)}
      role={role}
      aria-labelledby={id}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={id} {...content(undefined, titleHtml, title)} />
      </div>
      {body}
    </div>
  );
}
