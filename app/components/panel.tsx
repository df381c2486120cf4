/** GOV.UK Frontend Panel (`govukPanel` macro, govuk-frontend 6.6.0 `components/panel/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { Button } from "./button";
import { content, type HtmlOption } from "./html";

export interface PanelAction {
  text: string;
  href?: string;
  /** A `<button>` of this type; with an `href` and type `button`, a link styled as a button. */
  type?: "button" | "submit" | "reset";
  classes?: string;
  attributes?: Attributes;
}

export interface PanelProps {
  /** Title text. Ignored if `titleHtml` is given. */
  titleText?: string;
  /** Trusted HTML string or React content for the title. */
  titleHtml?: HtmlOption;
  /** Heading level of the title. Defaults to 1. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Text of the body. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML for the body. Ignored if `children` is given. */
  html?: string;
  /** React content for the body (the macro's `caller` block); wins over `html` and `text`. */
  children?: ReactNode;
  /** Classes to add; `govuk-panel--interruption` makes the interruption variant (the default is confirmation). */
  classes?: string;
  attributes?: Attributes;
  /** Buttons and links under an interruption panel's body. */
  actions?: { items?: PanelAction[]; classes?: string; attributes?: Attributes };
}

function Action({ action }: { action: PanelAction }) {
  if (action.href && action.type === "button") {
    return <Button text={action.text} classes={cx("govuk-button--inverse", action.classes)} href={action.href} attributes={action.attributes} />;
  }
  if (!action.href) {
    // As govukButton writes it, with the action's own attributes (a form, a name and value) kept as given.
    return (
      <button type={action.type ?? "button"} className={cx("govuk-button govuk-button--inverse", action.classes)} data-module="govuk-button" {...attributesToProps(action.attributes)}>
        {action.text}
      </button>
    );
  }
  return (
    <a {...attributesToProps(action.attributes)} className={cx("govuk-link govuk-link--inverse", action.classes)} href={action.href}>
      {action.text}
    </a>
  );
}

export function Panel({ titleText, titleHtml, headingLevel, text, html, children, classes, attributes, actions }: PanelProps) {
  const interruption = Boolean(classes?.includes("govuk-panel--interruption"));
  const Heading = `h${headingLevel || 1}` as "h1";
  const hasBody = children !== undefined && children !== null ? true : Boolean(html || text);
  return (
    <div {...attributesToProps(attributes)} className={cx("govuk-panel", !interruption && "govuk-panel--confirmation", classes)}>
      <Heading className="govuk-panel__title" {...content(undefined, titleHtml, titleText)} />
      {hasBody ? <div className="govuk-panel__body" {...content(children, html, text)} /> : null}
      {interruption && actions ? (
        <div {...attributesToProps(actions.attributes)} className={cx("govuk-panel__actions", actions.classes)}>
          {actions.items?.length ? (
            <div className="govuk-button-group">
              {actions.items.map((a, i) => (
                <Action key={i} action={a} />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
