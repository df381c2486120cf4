/** GOV.UK Frontend Label (`govukLabel` macro, govuk-frontend 6.6.0 `components/label/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, hasChildren, type HtmlOption } from "./html";

export interface LabelProps {
  /** Text of the label. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML string or React content for the label. Ignored if `children` is given. */
  html?: HtmlOption;
  /** React content for the label; wins over `html` and `text`. */
  children?: ReactNode;
  /** `id` of the field the label is for (the `for` attribute). */
  for?: string;
  /** Wrap the label in `<h1 class="govuk-label-wrapper">`, for a page whose heading is this field's label. */
  isPageHeading?: boolean;
  /** Classes to add to the label, for example `govuk-label--l`. */
  classes?: string;
  /** HTML attributes to add to the label. */
  attributes?: Attributes;
}

/** Renders nothing when there is no `text`, `html` or `children`, as the macro does. */
export function Label({ text, html, children, for: htmlFor, isPageHeading, classes, attributes }: LabelProps) {
  if (!hasChildren(children) && !html && !text) return null;
  // In the template `class` comes before `attributes` (so it wins) and `for` after them (so they win).
  const label = (
    <label
      {...(htmlFor ? { htmlFor } : {})}
      {...attributesToProps(attributes)}
      className={cx("govuk-label", classes)}
      {...content(children, html, text)}
    />
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
