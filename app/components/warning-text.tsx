/** GOV.UK Frontend Warning text (`govukWarningText` macro, govuk-frontend 6.6.0 `components/warning-text/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { renderHtml, type HtmlOption } from "./html";

export interface WarningTextProps {
  /** Text of the warning. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML (or React content) for the warning. Ignored if `children` is given. */
  html?: HtmlOption;
  /** React content (the macro's `caller` block); wins over `html` and `text`. */
  children?: ReactNode;
  /** The hidden text read before the warning instead of the icon. Defaults to "Warning". */
  iconFallbackText?: string;
  /** Classes to add to the container. */
  classes?: string;
  /** HTML attributes to add to the container. */
  attributes?: Attributes;
}

export function WarningText({ text, html, children, iconFallbackText, classes, attributes }: WarningTextProps) {
  // The template puts the text on its own line: a space after the hidden fallback text, as there.
  const body = children ?? (html ? renderHtml(html) : text !== undefined ? ` ${text}` : undefined);
  return (
    <div {...attributesToProps(attributes)} className={cx("govuk-warning-text", classes)}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText || "Warning"}</span>
        {body}
      </strong>
    </div>
  );
}
