/**
 * GOV.UK Frontend Error summary (`govukErrorSummary` macro, govuk-frontend 6.6.0
 * `components/error-summary/template.njk`).
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, hasChildren, type HtmlOption } from "./html";

export interface ErrorSummaryItem {
  /** Link to the field with the error, usually `#<field id>`. Without it the error is plain text. */
  href?: string;
  /** Text of the error. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content for the error. */
  html?: HtmlOption;
  /** HTML attributes to add to the link. */
  attributes?: Attributes;
}

export interface ErrorSummaryProps {
  /** Text of the heading, usually "There is a problem". Ignored if `titleHtml` is given. */
  titleText?: string;
  /** Trusted HTML string or React content for the heading. */
  titleHtml?: HtmlOption;
  /** Text of a paragraph under the heading. Ignored if `descriptionHtml` or `children` is given. */
  descriptionText?: string;
  /** Trusted HTML string or React content for the paragraph under the heading. Ignored if `children` is given. */
  descriptionHtml?: HtmlOption;
  /** React content for the paragraph under the heading (the macro's `caller` block); wins over the description options. */
  children?: ReactNode;
  /** The errors, as a list. */
  errorList?: readonly ErrorSummaryItem[];
  /** Sets `data-disable-auto-focus` (when given): stop the JavaScript focusing the summary on page load. */
  disableAutoFocus?: boolean;
  /** Classes to add to the error summary. */
  classes?: string;
  /** HTML attributes to add to the error summary. */
  attributes?: Attributes;
}

export function ErrorSummary(props: ErrorSummaryProps) {
  const { titleText, titleHtml, descriptionText, descriptionHtml, children, errorList, disableAutoFocus, classes, attributes } = props;
  const hasDescription = hasChildren(children) || Boolean(descriptionHtml) || Boolean(descriptionText);
  // In the template `class` and `data-disable-auto-focus` come before `attributes` (so they win) and
  // `data-module` after them (so they win over it).
  return (
    <div
      data-module="govuk-error-summary"
      {...attributesToProps(attributes)}
      className={cx("govuk-error-summary", classes)}
      {...(disableAutoFocus === undefined ? {} : { "data-disable-auto-focus": String(disableAutoFocus) })}
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title" {...content(undefined, titleHtml, titleText)} />
        <div className="govuk-error-summary__body">
          {hasDescription ? <p {...content(children, descriptionHtml, descriptionText)} /> : null}
          {errorList?.length ? (
            <ul className="govuk-list govuk-error-summary__list">
              {errorList.map((item, i) => {
                const body = content(undefined, item.html, item.text);
                return item.href ? (
                  <li key={i}>
                    <a {...attributesToProps(item.attributes)} href={item.href} {...body} />
                  </li>
                ) : (
                  <li key={i} {...body} />
                );
              })}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
