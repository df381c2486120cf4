/** GOV.UK Frontend Fieldset (`govukFieldset` macro, govuk-frontend 6.6.0 `components/fieldset/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, hasChildren, renderHtml, type HtmlOption } from "./html";

export interface FieldsetLegend {
  /** Text of the legend. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content for the legend. */
  html?: HtmlOption;
  /** Classes to add to the legend, for example `govuk-fieldset__legend--l`. */
  classes?: string;
  /** Put the legend's content in `<h1 class="govuk-fieldset__heading">`, for a page whose heading is the legend. */
  isPageHeading?: boolean;
}

export interface FieldsetProps {
  /** The legend; left out when it has neither `text` nor `html`. */
  legend?: FieldsetLegend;
  /** The fieldset's content (the macro's `caller` block); wins over `html`. */
  children?: ReactNode;
  /** Trusted HTML for the fieldset's content, after the legend. Ignored if `children` is given. */
  html?: string;
  /** One or more element ids for `aria-describedby`. */
  describedBy?: string;
  /** The fieldset's `role`. */
  role?: string;
  /** Classes to add to the fieldset. */
  classes?: string;
  /** HTML attributes to add to the fieldset. */
  attributes?: Attributes;
}

export function Fieldset({ legend, children, html, describedBy, role, classes, attributes }: FieldsetProps) {
  let legendElement: ReactNode = null;
  if (legend && (legend.html || legend.text)) {
    const legendContent = content(undefined, legend.html, legend.text);
    const className = cx("govuk-fieldset__legend", legend.classes);
    legendElement = legend.isPageHeading ? (
      <legend className={className}>
        <h1 className="govuk-fieldset__heading" {...legendContent} />
      </legend>
    ) : (
      <legend className={className} {...legendContent} />
    );
  }
  // `class`, `role` and `aria-describedby` come before `attributes` in the template, so they win over them.
  return (
    <fieldset
      {...attributesToProps(attributes)}
      className={cx("govuk-fieldset", classes)}
      {...(role ? { role } : {})}
      {...(describedBy ? { "aria-describedby": describedBy } : {})}
    >
      {legendElement}
      {hasChildren(children) ? children : html ? renderHtml(html) : null}
    </fieldset>
  );
}
