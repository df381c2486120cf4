/**
 * GOV.UK Frontend Password input (`govukPasswordInput` macro, govuk-frontend 6.6.0
 * `components/password-input/template.njk`): a text input of `type="password"` with a "Show" button.
 *
 * Without JavaScript it is a plain password field: the show/hide button is rendered with the `hidden`
 * attribute, and govuk-frontend's `PasswordInput` module (started by `data-module="govuk-password-input"` on
 * the form group) reveals it and makes it work. The `*Text` options are passed to that module as
 * `data-i18n.*` attributes.
 */
import { parseAttributeString, type AttributeOptions, type AttributeValue, type Attributes } from "./attributes";
import { Button } from "./button";
import { renderHtml } from "./html";
import { Input, type InputErrorMessage, type InputHint, type InputLabel, type InputWrapperContent } from "./input";

export interface PasswordInputFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group. */
  attributes?: Attributes;
  /** Content before the input, inside the input wrapper. */
  beforeInput?: InputWrapperContent;
  /** Content after the show/hide button, inside the input wrapper. */
  afterInput?: InputWrapperContent;
}

export interface PasswordInputProps {
  /** `name` of the input, sent with the form. */
  name: string;
  /** `id` of the input. Defaults to `name`. */
  id?: string;
  /** The input's initial value (rendered as `value="…"`). */
  value?: string;
  /** The label. */
  label: InputLabel;
  /** A hint, under the label. */
  hint?: InputHint | null | false;
  /** An error message, under the hint. Falsy for none. */
  errorMessage?: InputErrorMessage | null | false;
  /** Options for the form group. */
  formGroup?: PasswordInputFormGroup;
  /** Disable the input. */
  disabled?: boolean;
  /** One or more element ids for `aria-describedby`, before the hint's and error message's. */
  describedBy?: string;
  /** The `autocomplete` attribute. Defaults to `"current-password"`; use `"new-password"` when setting a password. */
  autocomplete?: string;
  /** Classes to add to the input. */
  classes?: string;
  /** HTML attributes to add to the input. */
  attributes?: Attributes;
  /** Options for the show/hide button. */
  button?: { classes?: string };
  /** Text of the button when the password is hidden. Defaults to `"Show"`. */
  showPasswordText?: string;
  /** Text of the button when the password is shown (defaults, in the JavaScript, to `"Hide"`). */
  hidePasswordText?: string;
  /** Accessible name of the button when the password is hidden. Defaults to `"Show password"`. */
  showPasswordAriaLabelText?: string;
  /** Accessible name of the button when the password is shown (defaults, in the JavaScript, to `"Hide password"`). */
  hidePasswordAriaLabelText?: string;
  /** Announcement when the password is shown (defaults, in the JavaScript, to `"Your password is visible"`). */
  passwordShownAnnouncementText?: string;
  /** Announcement when the password is hidden (defaults, in the JavaScript, to `"Your password is hidden"`). */
  passwordHiddenAnnouncementText?: string;
}

type AttributeRecord = Record<string, AttributeValue | AttributeOptions>;

/** The form group's `attributes` as an object (a string of raw attributes is parsed). */
function attributeRecord(attributes: Attributes | undefined): AttributeRecord {
  if (!attributes) return {};
  if (typeof attributes !== "string") return { ...attributes };
  return Object.fromEntries(
    parseAttributeString(attributes).map(([name, value]) => [name, value === true ? { value: true, optional: true } : value])
  );
}

export function PasswordInput(props: PasswordInputProps) {
  const { name, formGroup, showPasswordText, showPasswordAriaLabelText } = props;
  const id = props.id || name;

  // `data-module` and the `data-i18n.*` attributes come first in the template, so they win over the form
  // group's own attributes (first duplicate wins): they are set last here.
  const i18n: AttributeRecord = {};
  const messages: Array<[string, string | undefined]> = [
    ["show-password", showPasswordText],
    ["hide-password", props.hidePasswordText],
    ["show-password-aria-label", showPasswordAriaLabelText],
    ["hide-password-aria-label", props.hidePasswordAriaLabelText],
    ["password-shown-announcement", props.passwordShownAnnouncementText],
    ["password-hidden-announcement", props.passwordHiddenAnnouncementText],
  ];
  for (const [key, message] of messages) if (message) i18n[`data-i18n.${key}`] = message;
  const formGroupAttributes: AttributeRecord = {
    ...attributeRecord(formGroup?.attributes),
    "data-module": "govuk-password-input",
    ...i18n,
  };

  const afterInput = formGroup?.afterInput;
  const afterInputContent = afterInput?.html
    ? renderHtml(typeof afterInput.html === "string" ? afterInput.html.trim() : afterInput.html)
    : afterInput?.text;
  const toggle = (
    <>
      <Button
        type="button"
        classes={`govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle${props.button?.classes ? ` ${props.button.classes}` : ""}`}
        text={showPasswordText || "Show"}
        attributes={{
          "aria-controls": id,
          "aria-label": showPasswordAriaLabelText || "Show password",
          hidden: { value: true, optional: true },
        }}
      />
      {afterInputContent}
    </>
  );

  return (
    <Input
      formGroup={{
        classes: `govuk-password-input${formGroup?.classes ? ` ${formGroup.classes}` : ""}`,
        attributes: formGroupAttributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: { html: toggle },
      }}
      inputWrapper={{ classes: "govuk-password-input__wrapper" }}
      label={props.label}
      hint={props.hint}
      classes={`govuk-password-input__input govuk-js-password-input-input${props.classes ? ` ${props.classes}` : ""}`}
      errorMessage={props.errorMessage}
      id={id}
      name={name}
      type="password"
      spellcheck={false}
      autocapitalize="none"
      autocomplete={props.autocomplete || "current-password"}
      value={props.value}
      disabled={props.disabled}
      describedBy={props.describedBy}
      attributes={props.attributes}
    />
  );
}
