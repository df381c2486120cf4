/**
 * GOV.UK Frontend Button (`govukButton` macro, govuk-frontend 6.6.0 `components/button/template.njk`).
 *
 * Renders a `<button>`, or a link styled as a button (`<a role="button">`) when `href` is given. The legacy
 * `element: "input"` option (removed from the macro in govuk-frontend 5) renders `<input type="submit">`.
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, hasChildren, type ContentProps } from "./html";

export interface ButtonProps {
  /** Text of the button. Ignored if `html` or `children` is given (except by `element: "input"`, which only uses `text`). */
  text?: string;
  /** Trusted HTML for the button. Ignored if `children` is given. */
  html?: string;
  /** React content for the button; wins over `html` and `text`. */
  children?: ReactNode;
  /** `type` of a `<button>` or `<input>`. Defaults to `"submit"`. */
  type?: "button" | "submit" | "reset";
  /** `name` of the button, sent with the form. */
  name?: string;
  /** `value` of the button, sent with the form. */
  value?: string;
  /** Disable the button (sets `disabled` and `aria-disabled="true"`). */
  disabled?: boolean;
  /** Render a link styled as a button, to this URL. */
  href?: string;
  /** Classes to add, for example `govuk-button--secondary` or `govuk-button--warning`. */
  classes?: string;
  /** HTML attributes to add to the button. */
  attributes?: Attributes;
  /** Sets `data-prevent-double-click` (when given, `true` or `false`). */
  preventDoubleClick?: boolean;
  /** The start button variant, with its arrow icon. */
  isStartButton?: boolean;
  /** `id` of the button. */
  id?: string;
  /**
   * Legacy option (govuk-frontend 4; not in the 6.x macro): the element to render. `"input"` renders
   * `<input value={text}>` (no HTML content, no start icon). Defaults to `"a"` with `href`, else `"button"`.
   */
  element?: "a" | "button" | "input";
}

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export function Button(props: ButtonProps) {
  const { text, html, children, type, name, value, disabled, href, classes, attributes, preventDoubleClick, isStartButton, id } = props;
  const element = props.element ?? (href ? "a" : "button");

  // Attributes the template writes before `attributes` win over them (the first duplicate wins in HTML), so they
  // come after the spread; `id` is written after, so it comes before.
  const common = {
    id: id || undefined,
    ...attributesToProps(attributes),
    className: cx("govuk-button", classes, isStartButton && "govuk-button--start"),
    "data-module": "govuk-button",
  };

  const buttonAttributes = {
    name: name || undefined,
    disabled: disabled ? true : undefined,
    "aria-disabled": disabled ? ("true" as const) : undefined,
    "data-prevent-double-click": preventDoubleClick === undefined ? undefined : String(preventDoubleClick),
  };

  if (element === "input") {
    return <input {...common} defaultValue={text} type={type || "submit"} {...buttonAttributes} />;
  }

  let body: ContentProps;
  if (isStartButton) {
    // Start buttons use flexbox, which drops whitespace between elements, so HTML content is wrapped in a span.
    const useChildren = hasChildren(children);
    const isText = typeof children === "string" || typeof children === "number";
    const label = useChildren ? (
      isText ? (
        children
      ) : (
        <span>{children}</span>
      )
    ) : html ? (
      <span dangerouslySetInnerHTML={{ __html: html }} />
    ) : (
      text
    );
    body = {
      children: (
        <>
          {label} <StartIcon />
        </>
      ),
    };
  } else {
    body = content(children, html, text);
  }

  if (element === "a") {
    return <a {...common} href={href || "#"} role="button" draggable="false" {...body} />;
  }
  return <button {...common} type={type || "submit"} value={value || undefined} {...buttonAttributes} {...body} />;
}
