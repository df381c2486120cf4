/**
 * GOV.UK Frontend Error message (`govukErrorMessage` macro, govuk-frontend 6.6.0
 * `components/error-message/template.njk`).
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, hasChildren, renderHtml, type HtmlOption } from "./html";

export interface ErrorMessageProps {
  /** Text of the error message. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML string or React content for the error message. Ignored if `children` is given. */
  html?: HtmlOption;
  /** React content for the error message; wins over `html` and `text`. */
  children?: ReactNode;
  /**
   * Visually hidden prefix, followed by a colon. Defaults to `"Error"`; an empty string (or `null`/`false`)
   * removes it – for example when `html` already contains a translated prefix.
   */
  visuallyHiddenText?: string | null | false;
  /** `id` of the error message, for `aria-describedby` on the field it describes. */
  id?: string;
  /** Classes to add to the error message. */
  classes?: string;
  /** HTML attributes to add to the error message. */
  attributes?: Attributes;
}

export function ErrorMessage({ text, html, children, visuallyHiddenText, id, classes, attributes }: ErrorMessageProps) {
  // As Nunjucks' `default` filter, only a missing value gets the default.
  const hiddenText = visuallyHiddenText === undefined ? "Error" : visuallyHiddenText;
  const props = {
    ...attributesToProps(attributes),
    // `id` and `class` come before `attributes` in the template, so they win over them.
    ...(id ? { id } : {}),
    className: cx("govuk-error-message", classes),
  };
  if (!hiddenText) return <p {...props} {...content(children, html, text)} />;
  const message = hasChildren(children) ? children : html ? renderHtml(html) : text;
  return (
    <p {...props}>
      <span className="govuk-visually-hidden">{hiddenText}:</span> {message}
    </p>
  );
}
